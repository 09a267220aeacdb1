// Shared by the change-file projects: the TypeScript SDK as a pnpm workspace of four packages at
// 0.5.0 with .changeset/config.json, committed on main.
// Use: def js = evaluate(new File(itDirectory, 'js-workspace.groovy')); js.create(basedir, '[["brokle", ...]]')
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def helper = [:]
helper.repo = repo
helper.write = { File basedir, String path, String text ->
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.text = text
}
helper.create = { File basedir, String fixed = '[]' ->
    def write = { path, text -> helper.write(basedir, path, text) }
    write('.gitignore', 'build.log\nnode_modules/\n')
    write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n")
    write('package.json', '{\n  "name": "brokle-js",\n  "private": true\n}\n')
    write('.changeset/config.json', '{\n  "$schema": "https://unpkg.com/@changesets/config@3.1.1/schema.json",\n'
            + '  "changelog": "@changesets/cli/changelog",\n  "commit": false,\n  "fixed": ' + fixed + ',\n  "linked": [],\n'
            + '  "access": "public",\n  "baseBranch": "main",\n  "updateInternalDependencies": "patch",\n  "ignore": []\n}\n')
    write('.changeset/README.md', '# Changesets\n')
    write('packages/brokle/package.json', '{\n  "name": "brokle",\n  "version": "0.5.0"\n}\n')
    write('packages/brokle/CHANGELOG.md', '# brokle\n\n## 0.5.0\n\n### Minor Changes\n\n- Tracing\n')
    ['openai', 'anthropic', 'langchain'].each { name ->
        write("packages/brokle-${name}/package.json", '{\n  "name": "brokle-' + name + '",\n  "version": "0.5.0",\n'
                + '  "dependencies": {\n    "brokle": "workspace:^0.5.0"\n  }\n}\n')
    }
    repo.init(basedir)
    repo.commit(basedir, 'chore: the TypeScript SDK workspace')
}
// a change file as the Changesets CLI writes it, committed
helper.changeset = { File basedir, String id, String frontMatter, String summary ->
    helper.write(basedir, ".changeset/${id}.md", "---\n${frontMatter}---\n\n${summary}\n")
    repo.commit(basedir, "docs(changeset): ${id}")
}
return helper
