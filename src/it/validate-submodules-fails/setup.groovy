def sdks = evaluate(new File(itDirectory, 'sdk-submodules.groovy'))
sdks.platform(basedir, 'main', 'js-v0.5.1')
return true
