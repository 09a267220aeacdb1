def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal ai.brokle:brokle-release-maven-plugin')
assert log.contains('Cannot compute versions: the repository is a shallow clone, so its tags and commits are incomplete')
assert log.contains("in GitHub Actions set 'fetch-depth: 0' on actions/checkout, elsewhere run 'git fetch --unshallow --tags'")
assert !log.contains('next version    :')
return true
