// The Python SDK at python-v0.2.9 with a feature since, pushed to a bare remote; the files as they were kept outside the work tree.
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
repo.pythonSdk(basedir, 'feat(client): streaming responses')
def git = repo.git
new File(basedir.parentFile, basedir.name + '-before.txt').text =
        git(basedir, 'rev-parse', 'HEAD') + '\n' + git(basedir, 'hash-object', 'brokle/version.py', 'CHANGELOG.md')
return true
