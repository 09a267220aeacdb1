def log = new File(basedir, 'build.log').text
assert log.contains('sdk/javascript: on release js-v0.5.1')
// ahead of the SDK's newest release: named as such, with what works in that state, once
assert log =~ /sdk\/python: 1 commit past release python-v0\.2\.9 \(python-v0\.2\.9-1-g[0-9a-f]{7}\), unreleased commits ahead of the SDK's newest release; release the SDK first/
assert !log.contains('[WARNING] sdk/python: 1 commit past release')   // not a warning and then an error
assert log.contains('1 of 2 submodules are not on a release')
return true
