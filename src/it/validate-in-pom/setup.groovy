// A released platform repository, in step with its tags, pushed to a bare remote it tracks.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
remote.deleteDir()
remote.mkdirs()
git(remote, 'init', '-q', '--bare')
new File(basedir, '.gitignore').text = 'build.log\ntarget/\n'
new File(basedir, '.brokle-release.yml').text = '''\
components:
  platform:
    path: .
    tagPrefix: v
    changelog: CHANGELOG.md
    versionFiles:
      - path: pom.xml
      - path: web/package.json
      - path: web/src/constants/VERSION.ts
        pattern: 'export const VERSION = "v{{version}}";'
'''
new File(basedir, 'web/src/constants').mkdirs()
new File(basedir, 'web/package.json').text = '{\n  "name": "web",\n  "version": "1.0.0"\n}\n'
new File(basedir, 'web/src/constants/VERSION.ts').text = 'export const VERSION = "v1.0.0";\n'
new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n- First release\n'
git(basedir, 'init', '-q')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'chore(release): v1.0.0')
git(basedir, 'tag', '-a', '-m', 'v1.0.0', 'v1.0.0')
new File(basedir, 'web/page.tsx').text = 'export {}\n'
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'feat(web): usage page')
git(basedir, 'remote', 'add', 'origin', 'file://' + remote.absolutePath)
git(basedir, 'push', '-q', '-u', 'origin', 'main', '--tags')
assert git(basedir, 'status', '--porcelain') == ''
return true
