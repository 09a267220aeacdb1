// 1.2.0, then betas 2 and 11 of 1.3.0: the next beta is 12 (numeric order, not text order).
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
git(basedir, 'init', '-q')
def commit = { String message ->
    new File(basedir, 'history.txt') << message + '\n'
    git(basedir, 'add', 'history.txt')
    git(basedir, 'commit', '-q', '-m', message)
}
commit('feat: first')
git(basedir, 'tag', 'v1.2.0')
commit('feat: dashboards')
git(basedir, 'tag', 'v1.3.0-beta.2')
commit('fix: dashboards')
git(basedir, 'tag', '-a', '-m', 'beta 11', 'v1.3.0-beta.11')
commit('fix: more dashboards')
return true
