def sdks = evaluate(new File(itDirectory, 'sdk-submodules.groovy'))
sdks.platform(basedir, 'python-v0.2.8', 'js-v0.5.1')
return true
