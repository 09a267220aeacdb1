def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
def fake = platform.stop(basedir)
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert fake.releases().size() == 1
def release = fake.releases()[0]
assert release.path('tag_name').asText() == 'v3.2.1'
assert !release.path('draft').asBoolean()
assert release.path('body').asText().contains('usage dashboard')
assert fake.assets(release.path('id').asLong())*.path('name')*.asText() == ['brokle-darwin-arm64', 'brokle-linux-amd64', 'SHA256SUMS']
assert fake.dispatches().size() == 1
assert fake.dispatches()[0].path('client_payload').path('version').asText() == '3.2.1'
assert log.contains('[slack] notification not sent: the webhook of SLACK_WEBHOOK_URL could not be reached')
assert log.contains('BUILD SUCCESS')
['ghp_invokerfaketoken0123456789abcdefghij', 'invokersecretwebhookpath', 'invokersecretgitpassword'].each { secret ->
    assert !log.contains(secret) : "${secret} appears in the output"
}
return true
