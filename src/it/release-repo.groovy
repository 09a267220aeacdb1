// Shared by the setup scripts of the prepare and rollback projects: a bare remote beside the
// project, a repository with a fixed release identity, its first push, and the Python SDK layout.
// Use: def repo = evaluate(new File(itDirectory, 'release-repo.groovy')); def remote = repo.remote(basedir)
def git = evaluate(new File(itDirectory, 'git-helper.groovy'))
def helper = [:]
helper.git = git
// an empty bare repository next to the project, the project's origin
helper.remote = { File basedir ->
    def remote = new File(basedir.parentFile, basedir.name + '-remote.git')
    remote.deleteDir()
    remote.mkdirs()
    git(remote, 'init', '-q', '--bare')
    return remote
}
// writes a file of the project (its directories made as needed): def write = helper.writer(basedir); write('a/b.txt', 'text')
helper.writer = { File basedir ->
    return { path, text ->
        def file = new File(basedir, path)
        file.parentFile.mkdirs()
        file.text = text.toString()
    }
}
// a new repository whose commits and tags are made by the release bot
helper.init = { File basedir ->
    git(basedir, 'init', '-q')
    git(basedir, 'config', 'user.name', 'Release Bot')
    git(basedir, 'config', 'user.email', 'release@example.com')
}
// commits everything, optionally with an annotated tag
helper.commit = { File basedir, String message, String tag = null ->
    git(basedir, 'add', '-A')
    git(basedir, 'commit', '-q', '-m', message)
    if (tag != null) {
        git(basedir, 'tag', '-a', '-m', tag, tag)
    }
}
// pushes main and the tags to the remote, main tracking it, and checks the work tree is clean
helper.publish = { File basedir, File remote ->
    git(basedir, 'remote', 'add', 'origin', 'file://' + remote.absolutePath)
    git(basedir, 'push', '-q', '-u', 'origin', 'main', '--tags')
    assert git(basedir, 'status', '--porcelain') == ''
}
// the Python SDK at python-v0.2.9 (version module and changelog), one commit with `message` since, pushed
helper.pythonSdk = { File basedir, String message ->
    def remote = helper.remote(basedir)
    new File(basedir, '.gitignore').text = 'build.log\n'
    new File(basedir, '.brokle-release.yml').text = '''\
components:
  python:
    path: .
    tagPrefix: python-v
    changelog: CHANGELOG.md
    versionFiles:
      - path: brokle/version.py
'''
    new File(basedir, 'brokle').mkdirs()
    new File(basedir, 'brokle/version.py').text = '__version__ = "0.2.9"\n'
    new File(basedir, 'CHANGELOG.md').text = '# Changelog\n\n## [Unreleased]\n\n## [0.2.9] - 2026-01-01\n\n### Fixed\n- Retries\n'
    helper.init(basedir)
    helper.commit(basedir, 'chore(release): python-v0.2.9', 'python-v0.2.9')
    new File(basedir, 'brokle/change.py').text = 'x = 1\n'
    helper.commit(basedir, message)
    helper.publish(basedir, remote)
    return remote
}
return helper
