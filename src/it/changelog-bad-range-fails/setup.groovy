def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\nkept as it is\n'
new File(basedir, 'a.txt').text = 'a\n'
git(basedir, 'init', '-q')
git(basedir, 'add', '.')
git(basedir, 'commit', '-q', '-m', 'feat: first')
return true
