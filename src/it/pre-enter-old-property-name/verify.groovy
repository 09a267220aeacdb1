def pre = new groovy.json.JsonSlurper().parse(new File(basedir, '.changeset/pre.json'))
assert pre.mode == 'pre' && pre.tag == 'rc'
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] -Dbrokle.tag is deprecated for pre-enter: use -Dbrokle.prerelease')
return true
