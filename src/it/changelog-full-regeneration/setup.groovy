// A JavaScript SDK repository with five release tags (one a pre-release folded into its release).
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
new File(basedir, '.brokle-release.yml').text = 'components:\n  js:\n    tagPrefix: js-v\n'
git(basedir, 'init', '-q')
git(basedir, 'remote', 'add', 'origin', 'https://github.com/brokle-ai/brokle-js.git')
git(basedir, 'add', '.')
git(basedir, 'commit', '-q', '-m', 'chore: start')
def n = [0]
def commit = { String message ->
    n[0]++
    new File(basedir, "f${n[0]}.txt").text = message
    git(basedir, 'add', "f${n[0]}.txt")
    git(basedir, 'commit', '-q', '-m', message)
}
commit('feat: openai wrapper')
git(basedir, 'tag', '-a', '-m', 'release', 'js-v0.1.0')
commit('feat: anthropic wrapper')
git(basedir, 'tag', '-a', '-m', 'release', 'js-v0.2.0-alpha.1')
commit('fix: token counts')
git(basedir, 'tag', '-a', '-m', 'release', 'js-v0.2.0')
commit('feat!: esm only\n\nBREAKING CHANGE: require() is no longer supported; use import')
git(basedir, 'tag', '-a', '-m', 'release', 'js-v1.0.0')
commit('fix: streaming flush')
git(basedir, 'tag', 'js-v1.0.1')
commit('feat: not released yet')
return true
