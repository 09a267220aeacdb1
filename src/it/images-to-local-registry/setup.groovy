def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def registryDir = new File(basedir.parentFile, basedir.name + '-registry')
registryDir.deleteDir()
def password = 'it-registry-' + UUID.randomUUID()
def registry = ai.brokle.release.testing.TestRegistry.start(registryDir.toPath(), 'ci', password)
System.getProperties().put('brokle.it.registry.' + basedir.name, [registry, password])
def settings = new File(basedir, 'settings-registry.xml')
settings.text = """<settings><servers><server><id>${registry.host()}</id><username>ci</username><password>${password}</password></server></servers></settings>\n"""
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "--global-settings\n${settings.absolutePath}\n"
def write = repo.writer(basedir)
write('.gitignore', 'build.log\nsettings-registry.xml\n.mvn/\nbin/\ntarget/\n')
write('.brokle-release.yml', """registries:
  "${registry.host()}": {insecure: true}
components:
  platform:
    path: .
    tagPrefix: v
    images:
      - name: brokle-server
        repositories: [${registry.host()}/brokle/brokle-server]
        layers:
          - {from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server, mode: 755}
        entrypoint: [/app/brokle-server]
        user: "65532"
        ports: [8080]
""")
write('README.md', 'Brokle platform\n')
['amd64', 'arm64'].each { write("bin/linux-${it}/brokle-server", "brokle-server 2.0.0 for ${it}\n") }
repo.init(basedir)
repo.commit(basedir, 'chore(release): v2.0.0', 'v2.0.0')
return true
