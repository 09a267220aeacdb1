def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
def fake = platform.stop(basedir)
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert fake.latestTag() == 'v3.2.0' : 'the previous release is the latest again'
def bad = fake.releases().find { it.path('tag_name').asText() == 'v3.2.1' }
assert bad.path('body').asText().startsWith("> [!WARNING]\n> **Rolled back:** the usage dashboard shows other projects' data. Use [v3.2.0](")
assert bad.path('body').asText().contains('usage dashboard') : 'the notes perform wrote stay below the warning'
assert log.contains('[rollback-github-release] v3.2.0 is the latest release again')
assert !log.contains(platform.TOKEN)
return true
