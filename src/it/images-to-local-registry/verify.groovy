def (registry, password) = System.getProperties().remove('brokle.it.registry.' + basedir.name)
try {
    def repository = 'brokle/brokle-server'
    assert registry.tags(repository) == ['2', '2.0', '2.0.0', 'latest']
    def index = registry.manifest(repository, '2.0.0')
    assert index.mediaType() == 'application/vnd.oci.image.index.v1+json'
    assert registry.manifest(repository, 'latest').digest() == index.digest()
    def json = index.json()
    assert json.path('annotations').path('org.opencontainers.image.version').asText() == '2.0.0'
    def platforms = []
    json.path('manifests').each { entry ->
        def arch = entry.path('platform').path('architecture').asText()
        platforms << arch
        def manifest = registry.manifest(repository, entry.path('digest').asText()).json()
        def config = registry.blobJson(repository, manifest.path('config').path('digest').asText())
        assert config.path('architecture').asText() == arch
        assert config.path('config').path('User').asText() == '65532'
        def files = registry.layerFiles(repository, manifest.path('layers').get(0).path('digest').asText())
        assert new String(files['app/brokle-server'].content(), 'UTF-8') == "brokle-server 2.0.0 for ${arch}\n"
    }
    assert platforms == ['amd64', 'arm64']
    def log = new File(basedir, 'build.log').text
    assert log.contains('[images] pushed ' + registry.host() + '/brokle/brokle-server:2.0.0,2.0,2,latest')
    assert log.contains('[images] every image is up to date')
    assert registry.blobUploads(repository) == 4 : 'two binary layers and two configs, once'
    assert !log.contains(password)
} finally {
    registry.close()
}
return true
