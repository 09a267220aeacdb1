def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal ai.brokle:brokle-release-maven-plugin:')
assert log.contains('Cannot render the changes (2 problems)')
assert log.contains("  - brokle.format: 'html' is not a format; use changelog (a Keep a Changelog section) or notes (release notes)")
assert log.contains("  - brokle.from: 'v0.0.0-missing' names no commit in this repository; give a tag, a branch or a commit id")
assert new File(basedir, 'CHANGELOG.md').text == '# Changelog\n\nkept as it is\n'
return true
