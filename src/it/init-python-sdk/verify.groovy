def config = new File(basedir, '.brokle-release.yml').text
assert config.contains('tagPrefix: python-v')
assert config.contains('- path: brokle/version.py')
assert config.contains('pypi: {}')
def workflow = new File(basedir, '.github/workflows/publish.yml').text
// never a SNAPSHOT, which no runner can download: the release this development build leads to
def released = pluginCoordinates.replace('-SNAPSHOT', '')
assert workflow.contains("mvn -B ${released}:perform")
assert !workflow.contains('SNAPSHOT')
assert workflow.contains('id-token: write')
def log = new File(basedir, 'build.log').text
assert log.contains('Wrote .github/workflows/publish.yml')
assert log.contains('[init-files] already done')
assert workflow.contains('needs.test.result')   // the checklist reads the test gate's result
return true
