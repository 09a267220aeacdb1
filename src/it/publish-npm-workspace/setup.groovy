def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def registryDir = new File(basedir.parentFile, basedir.name + '-verdaccio')
registryDir.deleteDir()
def registry = ai.brokle.release.testing.Verdaccio.start(registryDir.toPath())
System.getProperties().put('brokle.it.npm.' + basedir.name, registry)
def settings = new File(basedir, 'settings-npm.xml')
settings.text = """<settings><servers><server><id>invoker-npm</id><password>${registry.token()}</password></server></servers></settings>\n"""
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "--global-settings\n${settings.absolutePath}\n"
def write = repo.writer(basedir)
write('.gitignore', 'build.log\nsettings-npm.xml\n.mvn/\n')
write('.brokle-release.yml', "components:\n  js:\n    path: .\n    tagPrefix: js-v\n    npm:\n      registry: ${registry.url()}\n      access: public\n")
write('package.json', '{\n  "name": "brokle-js",\n  "private": true,\n  "workspaces": ["packages/*"]\n}\n')
write('packages/brokle/package.json', '{\n  "name": "brokle",\n  "version": "0.5.0",\n  "main": "index.js"\n}\n')
write('packages/brokle/index.js', 'module.exports = 1;\n')
write('packages/openai/package.json', '{\n  "name": "brokle-openai",\n  "version": "0.5.0",\n  "main": "index.js",\n'
        + '  "dependencies": {\n    "brokle": "0.5.0"\n  }\n}\n')
write('packages/openai/index.js', 'module.exports = require("brokle");\n')
repo.init(basedir)
repo.commit(basedir, 'chore(release): js-v0.5.0', 'js-v0.5.0')
return true
