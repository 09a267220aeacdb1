def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
def fake = platform.stop(basedir)
assert fake.dispatches().size() == 1
def event = fake.dispatches()[0]
assert event.path('repository').asText() == 'brokle-ai/brokle'
assert event.path('event_type').asText() == 'sdk-released'
assert event.path('client_payload').toString() == '{"sdk":"python","version":"1.2.3"}'
assert new File(basedir, 'build.log').text.contains('Sent repository_dispatch sdk-released to brokle-ai/brokle')
return true
