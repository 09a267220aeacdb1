def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
def fake = platform.stop(basedir)
def log = new File(basedir, 'build.log').text
assert log.contains('[github-release] would create or update the release v3.2.1 of brokle-ai/brokle as a draft (prerelease: false), upload [brokle-darwin-arm64, brokle-linux-amd64, SHA256SUMS], then publish it with make_latest true')
assert log.contains('would send repository_dispatch platform-released to brokle-ai/brokle-docs')
assert fake.requests().isEmpty() : "nothing sent: ${fake.requests()*.path}"
return true
