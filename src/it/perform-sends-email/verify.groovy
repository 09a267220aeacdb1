def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
platform.stop(basedir)
def mail = System.getProperties().remove('brokle.it.mail.' + basedir.name)
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[email] sent to team@brokle.ai')
    assert mail.waitForIncomingEmail(5000, 1)
    def received = mail.receivedMessages
    assert received.length == 1
    assert received[0].subject == 'brokle v3.2.1 released' || received[0].subject == 'platform v3.2.1 released'
    def parts = received[0].content
    assert parts.contentType.startsWith('multipart/alternative')
    assert parts.getBodyPart(0).isMimeType('text/plain') && parts.getBodyPart(0).content.contains('usage dashboard')
    assert parts.getBodyPart(1).isMimeType('text/html') && parts.getBodyPart(1).content.contains('usage dashboard')
    assert !log.contains('invokersmtppassword0123456789')
} finally {
    mail.stop()
}
return true
