import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log.contains('[INFO] python')
assert log.contains('[INFO]   current version : 0.2.9 (tag python-v0.2.9)')
assert log.contains('[INFO]   next version    : 0.3.0')
assert log.contains('[INFO]   tag             : python-v0.3.0')
assert log =~ /\[INFO\]   bump            : minor, decided by [0-9a-f]{10} feat\(client\): streaming responses/
assert log.contains('[INFO]   commits         : 2 since python-v0.2.9 under .')

def plan = new JsonSlurper().parse(new File(basedir, 'plan.json'))
assert plan.components.size() == 1
def python = plan.components[0]
assert python.name == 'python'
assert python.currentVersion == '0.2.9'
assert python.nextVersion == '0.3.0'
assert python.tag == 'python-v0.3.0'
assert python.bump == 'minor'
assert python.prerelease == false
assert python.commits == 2

def outputs = new File(basedir, 'github-output.txt').readLines()
assert outputs.contains('next-version=0.3.0')
assert outputs.contains('tag=python-v0.3.0')
assert outputs.contains('python-release=true')
return true
