// The TypeScript SDK: a pnpm workspace of three packages sharing one version, released as js-v0.5.0, a fix since.
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def remote = repo.remote(basedir)
def write = repo.writer(basedir)
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
repo.init(basedir)
repo.commit(basedir, 'chore(release): js-v0.5.0', 'js-v0.5.0')
write('packages/brokle/src/retry.ts', 'export {}\n')
repo.commit(basedir, 'fix(brokle): retry on 429')
repo.publish(basedir, remote)
return true
