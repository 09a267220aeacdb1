// A Python SDK repository with a GitHub remote, a release tag and conventional commits since.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
new File(basedir, '.brokle-release.yml').text = '''\
components:
  python:
    tagPrefix: python-v
    releaseNotes: {title: Brokle Python SDK}
'''
git(basedir, 'init', '-q')
git(basedir, 'remote', 'add', 'origin', 'git@github.com:brokle-ai/brokle-python.git')
git(basedir, 'add', '.brokle-release.yml')
git(basedir, 'commit', '-q', '-m', 'chore: configure releases')
git(basedir, 'tag', '-a', '-m', 'release', 'python-v0.2.9')
def commit = { String file, String message ->
    new File(basedir, file).text = message + '\n'
    git(basedir, 'add', file)
    git(basedir, 'commit', '-q', '-m', message)
}
commit('a.txt', 'fix(client): retry on 429 (#31)')
commit('b.txt', 'feat(client): streaming responses\n\nHighlight: Streaming for every provider')
commit('c.txt', 'docs: streaming guide')
commit('d.txt', 'chore(deps): bump httpx')
commit('e.txt', 'chore(release): prepare')
return true
