// The project directory becomes a depth-1 clone of a repository with a release tag, as
// actions/checkout makes by default.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def origin = new File(basedir.parentFile, basedir.name + '-origin')
origin.deleteDir()
origin.mkdirs()
git(origin, 'init', '-q')
(1..3).each { i ->
    new File(origin, "f${i}.txt").text = "${i}\n"
    git(origin, 'add', "f${i}.txt")
    git(origin, 'commit', '-q', '-m', "fix: change ${i}")
    if (i == 1) {
        git(origin, 'tag', 'v1.0.0')
    }
}
git(basedir, 'init', '-q')
git(basedir, 'remote', 'add', 'origin', 'file://' + origin.absolutePath)
git(basedir, 'fetch', '-q', '--depth=1', 'origin', 'main')
git(basedir, 'checkout', '-q', '-b', 'main', 'FETCH_HEAD')
assert new File(basedir, '.git/shallow').exists()
return true
