def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[metrics] api: 3 releases (2 stable, 1 pre-releases)')
def dir = new File(basedir, 'target/brokle-release/metrics')
def json = new groovy.json.JsonSlurper().parse(new File(dir, 'metrics.json'))
def api = json.components[0]
assert api.component == 'api'
assert api.summary.releases == 3
assert api.summary.prereleases == 1
assert api.releases*.tag == ['v1.0.0', 'v1.1.0-rc.1', 'v1.1.0']
assert api.releases*.commits == [1, 2, 1]
assert new File(dir, 'metrics.md').text.contains('| v1.1.0-rc.1 (pre-release) |')
['cadence-api.svg', 'lead-time-api.svg'].each { assert new File(dir, it).text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') }
return true
