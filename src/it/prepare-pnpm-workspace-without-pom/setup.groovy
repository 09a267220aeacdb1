// The TypeScript SDK: a pnpm workspace of three packages sharing one version, released as js-v0.5.0, a fix since.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
remote.deleteDir()
remote.mkdirs()
git(remote, 'init', '-q', '--bare')
def write = { path, text ->
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.text = text
}
write('.gitignore', 'build.log\nnode_modules/\n')
write('.brokle-release.yml', '''\
components:
  js:
    path: .
    tagPrefix: js-v
    versionFiles:
      - path: package.json
''')
write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n  - '!packages/internal-*'\n")
write('package.json', '{\n  "name": "brokle-js",\n  "private": true,\n  "scripts": {\n    "build": "pnpm -r build"\n  }\n}\n')
write('packages/brokle/package.json', '{\n  "name": "brokle",\n  "version": "0.5.0",\n  "main": "dist/index.js"\n}\n')
write('packages/brokle-openai/package.json', '{\n    "name": "brokle-openai",\n    "version": "0.5.0",\n    "dependencies": {\n'
        + '        "brokle": "^0.5.0",\n        "openai": "^4.0.0"\n    }\n}\n')
write('packages/brokle-langchain/package.json', '{"name":"brokle-langchain","version":"0.5.0","peerDependencies":{"brokle":"workspace:*"},'
        + '"devDependencies":{"brokle-openai":"~0.5.0"}}')
write('packages/internal-tools/package.json', '{\n  "name": "internal-tools",\n  "version": "0.0.1"\n}\n')
git(basedir, 'init', '-q')
git(basedir, 'config', 'user.name', 'Release Bot')
git(basedir, 'config', 'user.email', 'release@example.com')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'chore(release): js-v0.5.0')
git(basedir, 'tag', '-a', '-m', 'js-v0.5.0', 'js-v0.5.0')
write('packages/brokle/src/retry.ts', 'export {}\n')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'fix(brokle): retry on 429')
git(basedir, 'remote', 'add', 'origin', 'file://' + remote.absolutePath)
git(basedir, 'push', '-q', '-u', 'origin', 'main', '--tags')
assert git(basedir, 'status', '--porcelain') == ''
return true
