// Everything wrong at once: a dirty tree, another branch, a version file behind the release,
// a missing changelog entry, and the next tag already taken on the remote.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
remote.deleteDir()
remote.mkdirs()
git(remote, 'init', '-q', '--bare')
new File(basedir, '.brokle-release.yml').text = '''\
components:
  python:
    path: .
    tagPrefix: python-v
    changelog: CHANGELOG.md
    versionFiles:
      - path: brokle/version.py
'''
new File(basedir, 'brokle').mkdirs()
new File(basedir, 'brokle/version.py').text = '__version__ = "0.2.8"\n'
new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\n## [0.2.8] - 2025-12-01\n'
git(basedir, 'init', '-q')
git(basedir, 'add', '.brokle-release.yml', 'brokle/version.py', 'CHANGELOG.md')
git(basedir, 'commit', '-q', '-m', 'chore(release): python-v0.2.9')
git(basedir, 'tag', 'python-v0.2.9')
new File(basedir, 'brokle/fix.py').text = 'z = 1\n'
git(basedir, 'add', 'brokle/fix.py')
git(basedir, 'commit', '-q', '-m', 'fix: off-by-one')
git(basedir, 'remote', 'add', 'origin', 'file://' + remote.absolutePath)
git(basedir, 'push', '-q', 'origin', 'main')
// somebody already pushed the next tag
git(basedir, 'push', '-q', 'origin', 'HEAD:refs/tags/python-v0.2.10')
git(basedir, 'checkout', '-q', '-b', 'feature/streaming')
new File(basedir, 'brokle/fix.py').text = 'z = 2\n'
return true
