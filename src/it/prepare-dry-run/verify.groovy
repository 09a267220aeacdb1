// The plan is printed; no file, no ref, nothing on the remote changed; no state written.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Would release python 0.2.10')
assert log.contains('[INFO] Would change brokle/version.py:\n--- a/brokle/version.py\n+++ b/brokle/version.py\n@@ -1 +1 @@\n-__version__ = "0.2.9"\n+__version__ = "0.2.10"')
assert log.contains('+## [0.2.10] - 2025-01-15')
assert log.contains('[INFO] Would commit on main:\nchore(release): python-v0.2.10')
assert log.contains('[INFO] Would tag python-v0.2.10 (annotated) with the release notes:')
assert log.contains('[INFO] Would push main and the tag python-v0.2.10 to origin (file://')
assert log.contains('[INFO] Dry run: nothing was changed')

def now = git(basedir, 'show-ref') + '\n--\n' + git(remote, 'show-ref') + '\n--\n' + git(basedir, 'hash-object', 'brokle/version.py', 'CHANGELOG.md')
assert now == new File(basedir.parentFile, basedir.name + '-before.txt').text
assert git(basedir, 'status', '--porcelain') == ''
assert !new File(basedir, '.git/brokle-release/prepare.json').exists()
return true
