def log = new File(basedir, 'build.log').text
assert log.contains('Release validation failed with 5 problems')
// the invoker's own files are untracked too; the list names the changed file first
assert log =~ /  - The work tree has uncommitted changes \([^)]*brokle\/fix\.py[^)]*\): commit them, or set them aside with 'git stash --include-untracked'/
assert log.contains("  - The current branch is 'feature/streaming' but releases are made from 'main': check out 'main', or change releaseBranch in .brokle-release.yml")
assert log.contains("  - The next tag of component 'python', python-v0.2.10, already exists on remote origin")
assert log.contains("  - Component 'python': brokle/version.py holds 0.2.8 but the current release is 0.2.9 (tag python-v0.2.9); set it to 0.2.9 in a commit before releasing")
assert log.contains("  - Component 'python': CHANGELOG.md has no entry for the current release 0.2.9; add a '## [0.2.9] - <date>' section")
return true
