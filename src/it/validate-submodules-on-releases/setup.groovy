def sdks = evaluate(new File(itDirectory, 'sdk-submodules.groovy'))
def source = new File(basedir.parentFile, basedir.name + '-source')
source.deleteDir()
source.mkdirs()
sdks.platform(source, 'python-v0.2.9', 'js-v0.5.1')
// the project is a plain clone of the platform: its submodules are not checked out, as on a CI runner
sdks.git(basedir, 'init', '-q')
sdks.git(basedir, 'pull', '-q', source.absolutePath, 'main')
assert !new File(basedir, 'sdk/python/.git').exists()
return true
