def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def sha = { id -> git(basedir, 'log', '--diff-filter=A', '-1', '--format=%h', '--abbrev=7', "--", ".changeset/${id}.md") }
['brokle', 'brokle-openai', 'brokle-anthropic', 'brokle-langchain'].each { name ->
    assert new File(basedir, "packages/${name}/package.json").text.contains('"version": "0.6.0"') : name
}
assert new File(basedir, 'packages/brokle-openai/package.json').text.contains('"brokle": "workspace:^0.6.0"')
assert new File(basedir, 'packages/brokle/CHANGELOG.md').text == '# brokle\n\n## 0.6.0\n\n### Patch Changes\n\n- ' + sha('calm-owls-sing') + ': Retry on 429\n\n## 0.5.0\n\n### Minor Changes\n\n- Tracing\n'
assert new File(basedir, 'packages/brokle-openai/CHANGELOG.md').text == '# brokle-openai\n\n## 0.6.0\n\n### Minor Changes\n\n- ' + sha('brave-cats-dance') + ': Stream OpenAI responses\n\n### Patch Changes\n\n- Updated dependencies [' + sha('calm-owls-sing') + ']\n  - brokle@0.6.0\n'
assert !new File(basedir, '.changeset/brave-cats-dance.md').exists()
assert !new File(basedir, '.changeset/calm-owls-sing.md').exists()
assert new File(basedir, '.changeset/config.json').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('brokle: 0.5.0 -> 0.6.0 (minor, npm dist-tag latest)')
return true
