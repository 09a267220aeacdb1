assert new File(basedir, 'packages/brokle/package.json').text.contains('"version": "0.6.0"')
assert new File(basedir, 'packages/brokle-openai/package.json').text.contains('"version": "0.5.0"')
assert !new File(basedir, 'packages/brokle-openai/CHANGELOG.md').exists()
assert !new File(basedir, '.changeset/pre.json').exists()
assert !new File(basedir, '.changeset/young-seals-bake.md').exists()
def changelog = new File(basedir, 'packages/brokle/CHANGELOG.md').text
assert changelog.startsWith('# brokle\n\n## 0.6.0\n\n### Minor Changes\n\n- ')
assert changelog.contains('Stream responses') && changelog.contains('Fix streaming of tool calls')
def log = new File(basedir, 'build.log').text
assert log.contains('brokle: 0.6.0-alpha.1 -> 0.6.0 (minor, npm dist-tag latest)')
return true
