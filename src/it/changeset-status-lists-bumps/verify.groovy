def log = new File(basedir, 'build.log').text
assert log.contains('Packages to be bumped at patch:')
assert log.contains('  - brokle-anthropic 0.5.0 -> 0.5.1')
assert log.contains('No package to be bumped at major')
assert log.contains('BUILD SUCCESS')
return true
