// The Python SDK at python-v0.2.9 with a fix since, pushed to a bare remote; what the refs were is kept outside the work tree.
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def remote = repo.pythonSdk(basedir, 'fix(client): retry on 429 (#31)')
def git = repo.git
new File(basedir.parentFile, basedir.name + '-before.txt').text =
        git(basedir, 'show-ref') + '\n--\n' + git(remote, 'show-ref') + '\n--\n' + git(basedir, 'hash-object', 'brokle/version.py', 'CHANGELOG.md')
return true
