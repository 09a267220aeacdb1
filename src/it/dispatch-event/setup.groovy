def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
platform.create(basedir, 'components:\n  sdk:\n    path: .\n    tagPrefix: python-v\n')
return true
