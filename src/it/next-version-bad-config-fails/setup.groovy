def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
new File(basedir, '.brokle-release.yml').text = '''\
components:
  platform:
    tagprefix: v
    versionFiles:
      - path: VERSION
  web:
    path: ../web
    tagPrefix: web-v
'''
git(basedir, 'init', '-q')
git(basedir, 'add', '.brokle-release.yml')
git(basedir, 'commit', '-q', '-m', 'feat: start')
return true
