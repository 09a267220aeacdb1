['brokle', 'brokle-openai', 'brokle-anthropic', 'brokle-langchain'].each { name ->
    assert new File(basedir, "packages/${name}/package.json").text.contains('"version": "0.6.0-alpha.0"') : name
}
assert new File(basedir, '.changeset/young-seals-bake.md').exists()
def pre = new groovy.json.JsonSlurper().parse(new File(basedir, '.changeset/pre.json'))
assert pre.mode == 'pre' && pre.tag == 'alpha'
assert pre.initialVersions == ['brokle': '0.5.0', 'brokle-anthropic': '0.5.0', 'brokle-langchain': '0.5.0', 'brokle-openai': '0.5.0']
assert pre.changesets == ['young-seals-bake']
def log = new File(basedir, 'build.log').text
assert log.contains('brokle: 0.5.0 -> 0.6.0-alpha.0 (minor, npm dist-tag alpha)')
return true
