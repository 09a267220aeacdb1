def js = evaluate(new File(itDirectory, 'js-workspace.groovy'))
js.create(basedir)
return true
