def fake = System.getProperties().remove('brokle.it.github.' + basedir.name)
fake.close()
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
def log = new File(basedir, 'build.log').text
assert fake.pullRequests().size() == 1 : 'one pull request, updated by the second run'
def pull = fake.pullRequests()[0]
assert pull.path('title').asText() == 'chore(release): python-v0.2.10'
assert pull.path('head').asText() == 'brokle-release/main'
assert pull.path('body').asText().contains('retry on 429')
assert fake.labels(1) == ['autorelease: pending']
def message = git(remote, 'log', '-1', '--format=%B', 'brokle-release/main')
assert message.contains('Release-Tags: python-v0.2.10')
assert git(remote, 'show', 'brokle-release/main:brokle/version.py').contains('0.2.10')
assert git(remote, 'tag', '--list', 'python-v0.2.10') == '' : 'nothing is tagged before the merge'
assert log.contains('brokle-release/main holds this release already')
def outputs = new File(basedir, 'target/github-output').text
assert outputs.contains('pr-number') && outputs.contains('python-v0.2.10')
assert !log.contains('ghp_invokerfaketoken0123456789abcdefghij')
return true
