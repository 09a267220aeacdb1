// Every workspace package at 0.5.1, internal ranges moved, workspace: and external ranges and every other byte kept; pushed.
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
def now = { path -> new String(new File(basedir, path).bytes, 'UTF-8') }

assert !new File(basedir, 'pom.xml').exists()
assert now('package.json') == '{\n  "name": "brokle-js",\n  "private": true,\n  "scripts": {\n    "build": "pnpm -r build"\n  }\n}\n'
assert now('packages/brokle/package.json') == '{\n  "name": "brokle",\n  "version": "0.5.1",\n  "main": "dist/index.js"\n}\n'
assert now('packages/brokle-openai/package.json') == '{\n    "name": "brokle-openai",\n    "version": "0.5.1",\n    "dependencies": {\n' +
        '        "brokle": "^0.5.1",\n        "openai": "^4.0.0"\n    }\n}\n'
assert now('packages/brokle-langchain/package.json') == '{"name":"brokle-langchain","version":"0.5.1","peerDependencies":{"brokle":"workspace:*"},' +
        '"devDependencies":{"brokle-openai":"~0.5.1"}}'
assert now('packages/internal-tools/package.json') == '{\n  "name": "internal-tools",\n  "version": "0.0.1"\n}\n'
assert git(basedir, 'log', '-1', '--format=%s') == 'chore(release): js-v0.5.1'
assert git(basedir, 'show', '--name-only', '--format=', 'HEAD').readLines().sort() ==
        ['packages/brokle-langchain/package.json', 'packages/brokle-openai/package.json', 'packages/brokle/package.json']
assert git(basedir, 'status', '--porcelain') == ''
assert git(remote, 'rev-parse', 'refs/tags/js-v0.5.1') == git(basedir, 'rev-parse', 'refs/tags/js-v0.5.1')
assert git(remote, 'rev-parse', 'refs/heads/main') == git(basedir, 'rev-parse', 'HEAD')
return true
