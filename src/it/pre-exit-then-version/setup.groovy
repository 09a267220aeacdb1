def js = evaluate(new File(itDirectory, 'js-workspace.groovy'))
js.create(basedir)
js.write(basedir, 'packages/brokle/package.json', '{\n  "name": "brokle",\n  "version": "0.6.0-alpha.1"\n}\n')
['openai', 'anthropic', 'langchain'].each { name ->
    js.write(basedir, "packages/brokle-${name}/package.json", '{\n  "name": "brokle-' + name + '",\n  "version": "0.5.0"\n}\n')
}
js.write(basedir, '.changeset/young-seals-bake.md', '---\n"brokle": minor\n---\n\nStream responses\n')
js.write(basedir, '.changeset/lucky-keys-clap.md', '---\n"brokle": patch\n---\n\nFix streaming of tool calls\n')
js.write(basedir, '.changeset/pre.json', '{\n  "mode": "pre",\n  "tag": "alpha",\n  "initialVersions": {\n    "brokle": "0.5.0",\n'
        + '    "brokle-anthropic": "0.5.0",\n    "brokle-langchain": "0.5.0",\n    "brokle-openai": "0.5.0"\n  },\n'
        + '  "changesets": [\n    "lucky-keys-clap",\n    "young-seals-bake"\n  ]\n}\n')
js.repo.commit(basedir, 'chore(release): brokle 0.6.0-alpha.1')
return true
