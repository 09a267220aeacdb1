def js = evaluate(new File(itDirectory, 'js-workspace.groovy'))
js.create(basedir)
js.repo.git(basedir, 'checkout', '-q', '-b', 'feature/streaming')
js.write(basedir, 'packages/brokle/src/stream.ts', 'export {}\n')
js.write(basedir, 'packages/brokle-openai/src/stream.ts', 'export {}\n')
js.repo.commit(basedir, 'feat: streaming')
js.changeset(basedir, 'brave-cats-dance', '"brokle": minor\n', 'Add streaming support')
return true
