def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def remote = repo.pythonSdk(basedir, 'fix: retry on 429')
def fake = ai.brokle.release.testing.FakeGitHub.start('ghp_invokerfaketoken0123456789abcdefghij')
System.getProperties().put('brokle.it.github.' + basedir.name, fake)
def config = new File(basedir, '.brokle-release.yml')
config.text = "github:\n  repository: brokle-ai/brokle-python\n  apiUrl: ${fake.apiUrl()}\n" + config.text
new File(basedir, '.gitignore').text = 'build.log\ntarget/\n'
repo.commit(basedir, 'chore: the GitHub fake')
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
git(basedir, 'push', '-q', 'origin', 'main')
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/github-output').text = ''
return true
