def added = new File(basedir, '.changeset').listFiles().findAll { it.name.endsWith('.md') && it.name != 'README.md' }
assert added.size() == 1 : "one change file: ${added*.name}"
assert added[0].name ==~ /[a-z]+-[a-z]+-[a-z]+\.md/ : added[0].name
assert added[0].text == '---\n"brokle": minor\n"brokle-openai": minor\n---\n\nAdd streaming support\n'
def log = new File(basedir, 'build.log').text
assert log.contains("Added .changeset/${added[0].name}: minor brokle, brokle-openai")
return true
