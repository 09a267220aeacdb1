def log = new File(basedir, 'build.log').text
assert log.contains('Cannot add a change file')
assert log.contains('brokle.packages: "brokle-opneai" is not a package of this workspace (packages: brokle, brokle-anthropic, brokle-langchain, brokle-openai)')
assert log.contains("brokle.bump: 'huge' is not a bump; use major, minor or patch")
assert log.contains('brokle.summary: missing')
assert new File(basedir, '.changeset').listFiles().findAll { it.name.endsWith('.md') }*.name == ['README.md']
return true
