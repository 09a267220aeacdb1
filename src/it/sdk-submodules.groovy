// Shared by the submodule projects: the Python and JavaScript SDKs with release tags in bare
// repositories beside the project, and the platform adding both as submodules (checked out).
// Use: def sdks = evaluate(new File(itDirectory, 'sdk-submodules.groovy')); sdks.platform(basedir, 'python-v0.2.9', 'js-v0.5.1')
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def git = repo.git
def helper = [:]
helper.git = git
// an SDK repository with one commit per entry (message, tag or null), cloned bare; returns the bare repository
helper.sdk = { File basedir, String name, List entries ->
    def work = new File(basedir.parentFile, basedir.name + '-' + name)
    work.deleteDir()
    work.mkdirs()
    repo.init(work)
    entries.eachWithIndex { entry, i ->
        new File(work, "file-${i}.txt").text = "${i}\n"
        repo.commit(work, entry[0], entry[1])
    }
    def bare = new File(basedir.parentFile, basedir.name + '-' + name + '.git')
    bare.deleteDir()
    git(basedir.parentFile, 'clone', '-q', '--bare', work.absolutePath, bare.absolutePath)
    return bare
}
helper.platform = { File basedir, String pythonAt, String jsAt ->
    def python = helper.sdk(basedir, 'python', [['feat: client', 'python-v0.2.8'], ['fix: retry on 429', 'python-v0.2.9'], ['docs: readme', null]])
    def js = helper.sdk(basedir, 'javascript', [['feat: client', 'js-v0.5.0'], ['fix: types', 'js-v0.5.1']])
    new File(basedir, '.gitignore').text = 'build.log\n'
    new File(basedir, '.brokle-release.yml').text = '''\
submodules:
  sdk/python:
    name: Python SDK
    sdk: python
    tagPrefix: python-v
  sdk/javascript:
    name: JavaScript SDK
    sdk: javascript
    tagPrefix: js-v
components:
  platform:
    path: .
    tagPrefix: v
'''
    repo.init(basedir)
    git(basedir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', 'file://' + python.absolutePath, 'sdk/python')
    git(basedir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', 'file://' + js.absolutePath, 'sdk/javascript')
    git(new File(basedir, 'sdk/python'), 'checkout', '-q', pythonAt)
    git(new File(basedir, 'sdk/javascript'), 'checkout', '-q', jsAt)
    repo.commit(basedir, 'feat: platform with its SDKs')
}
return helper
