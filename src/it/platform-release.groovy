// Shared by the perform and dispatch projects: the platform at v3.2.0, a feature and a fix, tagged
// v3.2.1, two built binaries in dist/, and a GitHub fake (the core's test helper) on 127.0.0.1 whose
// address goes into .brokle-release.yml; the fake is kept in a system property for verify.groovy.
// Use: def platform = evaluate(new File(itDirectory, 'platform-release.groovy')); platform.create(basedir, platform.PLATFORM)
def repo = evaluate(new File(itDirectory, 'release-repo.groovy'))
def helper = [:]
helper.TOKEN = 'ghp_invokerfaketoken0123456789abcdefghij'
// the platform component: its binaries on the GitHub release, a dispatch to the docs repository
helper.PLATFORM = '''\
components:
  platform:
    path: .
    tagPrefix: v
    githubRelease:
      assets: ['dist/brokle-*']
    dispatch:
      - repository: brokle-ai/brokle-docs
        eventType: platform-released
        payload: {version: '{{version}}'}
'''
helper.create = { File basedir, String components ->
    def fake = ai.brokle.release.testing.FakeGitHub.start(helper.TOKEN)
    System.getProperties().put('brokle.it.github.' + basedir.name, fake)
    def write = { path, text ->
        def file = new File(basedir, path)
        file.parentFile.mkdirs()
        file.text = text
    }
    write('.gitignore', 'build.log\ndist/\n')
    write('.brokle-release.yml', "github:\n  repository: brokle-ai/brokle\n  apiUrl: ${fake.apiUrl()}\n" + components)
    repo.init(basedir)
    repo.commit(basedir, 'chore(release): v3.2.0', 'v3.2.0')
    write('api/dashboard.go', 'package api\n')
    repo.commit(basedir, 'feat(api): usage dashboard')
    write('web/retry.ts', 'export {}\n')
    repo.commit(basedir, 'fix(web): retry on 429', 'v3.2.1')
    write('dist/brokle-linux-amd64', 'linux binary\n')
    write('dist/brokle-darwin-arm64', 'darwin binary\n')
    return fake
}
// the fake of this project, stopped
helper.stop = { File basedir ->
    def fake = System.getProperties().remove('brokle.it.github.' + basedir.name)
    fake.close()
    return fake
}
return helper
