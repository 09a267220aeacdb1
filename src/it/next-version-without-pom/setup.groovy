// A Python SDK repository: tags python-v*, a platform-style tag that must be ignored, commits since.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
new File(basedir, '.brokle-release.yml').text = '''\
components:
  python:
    path: .
    tagPrefix: python-v
    versionFiles:
      - path: brokle/version.py
'''
new File(basedir, 'brokle').mkdirs()
new File(basedir, 'brokle/version.py').text = '__version__ = "0.2.9"\n'
git(basedir, 'init', '-q')
git(basedir, 'add', '.brokle-release.yml', 'brokle/version.py')
git(basedir, 'commit', '-q', '-m', 'chore(release): python-v0.2.9')
git(basedir, 'tag', '-a', '-m', 'release', 'python-v0.2.9')
git(basedir, 'tag', 'v9.9.9')
new File(basedir, 'brokle/client.py').text = 'x = 1\n'
git(basedir, 'add', 'brokle/client.py')
git(basedir, 'commit', '-q', '-m', 'fix(client): retry on 429 (#31)')
new File(basedir, 'brokle/stream.py').text = 'y = 1\n'
git(basedir, 'add', 'brokle/stream.py')
git(basedir, 'commit', '-q', '-m', 'feat(client): streaming responses')
return true
