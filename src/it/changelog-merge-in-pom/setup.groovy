// The platform repository: a CHANGELOG.md with hand-written Unreleased lines and link references.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
new File(basedir, '.brokle-release.yml').text = '''\
repositoryUrl: https://github.com/brokle-ai/brokle
components:
  platform:
    tagPrefix: v
    changelog: CHANGELOG.md
'''
def changelog = '''\
# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

### Added

- Hand-written: a dashboard tour for new users

## [3.1.0] - 2024-12-20

### Added

- Multi-project support

[Unreleased]: https://github.com/brokle-ai/brokle/compare/v3.1.0...HEAD
[3.1.0]: https://github.com/brokle-ai/brokle/compare/v3.0.0...v3.1.0
'''
new File(basedir, 'CHANGELOG.md').text = changelog
new File(basedir, 'expected-untouched.txt').text = changelog
git(basedir, 'init', '-q')
git(basedir, 'add', '.')
git(basedir, 'commit', '-q', '-m', 'chore(release): v3.1.0')
git(basedir, 'tag', '-a', '-m', 'release', 'v3.1.0')
['feat(otlp): OTLP trace ingestion (#123)', 'fix: span parent linking (#126)', 'Merge branch \'x\'', 'perf(gateway): route cache'].eachWithIndex { m, i ->
    new File(basedir, "f${i}.txt").text = m
    git(basedir, 'add', "f${i}.txt")
    git(basedir, 'commit', '-q', '-m', m)
}
return true
