// A released reactor (parent, core, api depending on core), one feature since, pushed to a bare remote it tracks.
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
'''
new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n- First release\n'
git(basedir, 'init', '-q')
git(basedir, 'config', 'user.name', 'Release Bot')
git(basedir, 'config', 'user.email', 'release@example.com')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'chore(release): v1.0.0')
git(basedir, 'tag', '-a', '-m', 'v1.0.0', 'v1.0.0')
new File(basedir, 'core/Usage.java').text = 'class Usage {}\n'
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'feat(core): usage metering (#7)')
git(basedir, 'remote', 'add', 'origin', 'file://' + remote.absolutePath)
git(basedir, 'push', '-q', '-u', 'origin', 'main', '--tags')
// the files as they were, to compare byte for byte afterwards
['pom.xml', 'core/pom.xml', 'api/pom.xml'].each { path ->
    def copy = new File(basedir.parentFile, basedir.name + '-before/' + path)
    copy.parentFile.mkdirs()
    copy.bytes = new File(basedir, path).bytes
}
assert git(basedir, 'status', '--porcelain') == ''
return true
