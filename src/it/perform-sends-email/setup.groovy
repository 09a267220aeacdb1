import com.icegreen.greenmail.util.GreenMail
import com.icegreen.greenmail.util.ServerSetup

def mail = new GreenMail(new ServerSetup(0, '127.0.0.1', ServerSetup.PROTOCOL_SMTPS))
mail.start()
mail.setUser('releases@brokle.ai', 'release-bot', 'invokersmtppassword0123456789')
System.getProperties().put('brokle.it.mail.' + basedir.name, mail)
def platform = evaluate(new File(itDirectory, 'platform-release.groovy'))
// GreenMail's certificate is its own: trusted for this host only (email.insecure)
platform.create(basedir, "email:\n  host: 127.0.0.1\n  port: ${mail.smtps.port}\n  security: tls\n  insecure: true\n"
        + "  from: 'Brokle Releases <releases@brokle.ai>'\n  to: [team@brokle.ai]\n" + platform.PLATFORM + '    notify: [email]\n')
return true
