def js = evaluate(new File(itDirectory, 'js-workspace.groovy'))
js.create(basedir, '[["brokle", "brokle-openai", "brokle-anthropic", "brokle-langchain"]]')
js.changeset(basedir, 'young-seals-bake', '"brokle": minor\n', 'Stream responses')
return true
