def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
platform.create(basedir, '''\
components:
  platform:
    path: .
    tagPrefix: v
    githubRelease:
      assets: ['dist/brokle-*']
    dispatch:
      - repository: brokle-ai/brokle-docs
        eventType: platform-released
''')
return true
