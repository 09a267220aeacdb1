// A released reactor (parent, core, api depending on core), one feature since, pushed to a bare remote it tracks.
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def remote = repo.remote(basedir)
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
repo.init(basedir)
repo.commit(basedir, 'chore(release): v1.0.0', 'v1.0.0')
new File(basedir, 'core/Usage.java').text = 'class Usage {}\n'
repo.commit(basedir, 'feat(core): usage metering (#7)')
repo.publish(basedir, remote)
// the files as they were, to compare byte for byte afterwards
['pom.xml', 'core/pom.xml', 'api/pom.xml'].each { path ->
    def copy = new File(basedir.parentFile, basedir.name + '-before/' + path)
    copy.parentFile.mkdirs()
    copy.bytes = new File(basedir, path).bytes
}
return true
