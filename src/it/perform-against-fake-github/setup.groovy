def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
platform.create(basedir, platform.PLATFORM + '    notify: [slack]\n')
return true
