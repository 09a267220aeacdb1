def log = new File(basedir, 'build.log').text
assert log.contains('Packages to be bumped at minor:')
assert log.contains('  - brokle 0.5.0 -> 0.6.0')
assert log.contains('Changed since main: brokle, brokle-openai') || log.contains('Changed since main: brokle-openai, brokle')
assert log.contains('Some packages changed without a change file')
// no POM and no ai.brokle plugin group here: the suggested command names the plugin's coordinates, which work
assert log.contains("Package \"brokle-openai\" changed since main but no change file names it: add one with mvn ${pluginCoordinates}:changeset -Dbrokle.packages=brokle-openai")
assert !log.contains('Package "brokle" changed')
return true
