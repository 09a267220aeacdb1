def log = new File(basedir, 'build.log').text
assert log.contains('Invalid release configuration .brokle-release.yml (3 problems)')
assert log.contains('  - .brokle-release.yml:3: components.platform.tagprefix: unknown key; allowed here: path, tagPrefix, previousTagPrefixes, versionFiles, changelog, releaseNotes, images')
assert log.contains("  - .brokle-release.yml:5: components.platform.versionFiles[0]: cannot tell where the version is in 'VERSION'; add a pattern with {{version}}")
assert log.contains("  - .brokle-release.yml:7: components.web.path: '../web' must be a path inside the repository, relative to its root")
assert log.contains("::error file=.brokle-release.yml,line=3::components.platform.tagprefix: unknown key; allowed here: path, tagPrefix")
assert log.contains("::error file=.brokle-release.yml,line=7::components.web.path: '../web' must be a path inside the repository")
return true
