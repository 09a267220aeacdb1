def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def write = repo.writer(basedir)
write('.gitignore', 'build.log\nsummary.md\n')
write('.brokle-release.yml', 'components:\n  platform:\n    path: .\n    tagPrefix: v\n    changelog: CHANGELOG.md\n    versionFiles: [web/package.json]\n')
write('web/package.json', '{\n  "name": "web",\n  "version": "1.0.0"\n}\n')
write('CHANGELOG.md', '# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n\n- everything\n')
repo.init(basedir)
repo.commit(basedir, 'chore(release): v1.0.0', 'v1.0.0')
return true
