def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
assert git(basedir, 'log', '-1', '--format=%s') == 'chore(deps): update Python SDK to python-v0.2.9'
def recorded = git(basedir, 'ls-tree', 'HEAD', 'sdk/python').split(/\s+/)[2]
def tagged = git(new File(basedir, 'sdk/python'), 'rev-parse', 'python-v0.2.9^{commit}')
assert recorded == tagged
assert new File(basedir, 'build.log').text.contains('sdk/javascript: on js-v0.5.1 already')
return true
