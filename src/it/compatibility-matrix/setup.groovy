def sdks = evaluate(new File(itDirectory, 'sdk-submodules.groovy'))
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
sdks.platform(basedir, 'python-v0.2.8', 'js-v0.5.0')
sdks.git(basedir, 'tag', '-a', '-m', 'v1.0.0', 'v1.0.0')
sdks.git(new File(basedir, 'sdk/python'), 'checkout', '-q', 'python-v0.2.9')
sdks.git(new File(basedir, 'sdk/javascript'), 'checkout', '-q', 'js-v0.5.1')
repo.commit(basedir, 'chore(deps): update SDKs', 'v1.1.0')
return true
