def js = evaluate(new File(itDirectory, 'js-workspace.groovy'))
js.create(basedir)
js.repo.git(basedir, 'checkout', '-q', '-b', 'fix/retries')
js.write(basedir, 'packages/brokle-anthropic/src/retry.ts', 'export {}\n')
js.repo.commit(basedir, 'fix: retries')
js.changeset(basedir, 'calm-owls-sing', '"brokle-anthropic": patch\n', 'Retry on 529 "Overloaded"')
return true
