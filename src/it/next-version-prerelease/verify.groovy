def log = new File(basedir, 'build.log').text
assert log.contains('[INFO]   current version : 1.3.0-beta.11 (tag v1.3.0-beta.11)')
assert log.contains('[INFO]   next version    : 1.3.0-beta.12')
assert log.contains('[INFO]   tag             : v1.3.0-beta.12')
assert log =~ /\[INFO\]   bump            : prerelease, decided by [0-9a-f]{10} fix: more dashboards/
return true
