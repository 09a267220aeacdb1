def js = evaluate(new File(itDirectory, 'js-workspace.groovy'))
js.create(basedir, '[["brokle", "brokle-openai", "brokle-anthropic", "brokle-langchain"]]')
js.changeset(basedir, 'brave-cats-dance', '"brokle-openai": minor\n', 'Stream OpenAI responses')
js.changeset(basedir, 'calm-owls-sing', '"brokle": patch\n', 'Retry on 429')
return true
