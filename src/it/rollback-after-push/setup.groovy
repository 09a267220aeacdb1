// The Python SDK at python-v0.2.9 with a feature since, pushed to a bare remote; the files as they were kept outside the work tree.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
remote.deleteDir()
remote.mkdirs()
git(remote, 'init', '-q', '--bare')
new File(basedir, '.gitignore').text = 'build.log\n'
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
new File(basedir, 'brokle/version.py').text = '__version__ = "0.2.9"\n'
new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\n## [Unreleased]\n\n## [0.2.9] - 2026-01-01\n\n### Fixed\n- Retries\n'
git(basedir, 'init', '-q')
git(basedir, 'config', 'user.name', 'Release Bot')
git(basedir, 'config', 'user.email', 'release@example.com')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'chore(release): python-v0.2.9')
git(basedir, 'tag', '-a', '-m', 'python-v0.2.9', 'python-v0.2.9')
new File(basedir, 'brokle/stream.py').text = 'y = 1\n'
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'feat(client): streaming responses')
git(basedir, 'remote', 'add', 'origin', 'file://' + remote.absolutePath)
git(basedir, 'push', '-q', '-u', 'origin', 'main', '--tags')
new File(basedir.parentFile, basedir.name + '-before.txt').text =
        git(basedir, 'rev-parse', 'HEAD') + '\n' + git(basedir, 'hash-object', 'brokle/version.py', 'CHANGELOG.md')
assert git(basedir, 'status', '--porcelain') == ''
return true
