def log = new File(basedir, 'build.log').text
assert log =~ /(brokle-release-maven-plugin|brokle-release):[^:]+:validate \(default\) @ platform/
assert log.contains('[INFO] Release validation passed')
assert log.contains('BUILD SUCCESS')
return true
