def log = new File(basedir, 'build.log').text
assert log.contains('sdk/python: on release python-v0.2.9')
assert log.contains('sdk/javascript: on release js-v0.5.1')
assert log.contains('BUILD SUCCESS')
return true
