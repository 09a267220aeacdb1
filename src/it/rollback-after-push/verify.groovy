// Released and pushed, then reverted by a new commit on top (pushed history kept), the tag gone here and on the remote.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
def before = new File(basedir.parentFile, basedir.name + '-before.txt').readLines()
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Released python-v0.3.0 and pushed to origin')
assert log.contains('[INFO] Rolled back python-v0.3.0: the revert ')
assert git(basedir, 'log', '--format=%s', '-3').readLines() ==
        ['Revert "chore(release): python-v0.3.0"', 'chore(release): python-v0.3.0', 'feat(client): streaming responses']
assert git(basedir, 'rev-parse', 'HEAD~2') == before[0]
assert git(basedir, 'hash-object', 'brokle/version.py', 'CHANGELOG.md').readLines() == before[1..2]
assert git(basedir, 'tag', '-l', 'python-v0.3.0') == ''
assert git(remote, 'rev-parse', 'refs/heads/main') == git(basedir, 'rev-parse', 'HEAD')
assert git(remote, 'tag', '-l', 'python-v0.3.0') == ''
assert git(basedir, 'status', '--porcelain') == ''
assert !new File(basedir, '.git/brokle-release/prepare.json').exists()
return true
