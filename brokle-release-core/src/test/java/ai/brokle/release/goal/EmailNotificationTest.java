package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release email through perform, against a real SMTP server (GreenMail) on 127.0.0.1, plain
 * and TLS: sent once per release with a text and an HTML part from the notes, commit text escaped;
 * a refused login, an untrusted certificate and a server without STARTTLS are warnings that send
 * nothing (and no password in clear), never a failed release.
 */
class EmailNotificationTest {
    private static final Retry FAST = new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final String TOKEN = "ghs_email_test_token_0123456789";
    private static final String PASSWORD = "smtp-password-0123456789";

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        mail.start();
        mail.setUser("releases@brokle.ai", "release-bot", PASSWORD);
    }

    @AfterEach
    void stop() {
        mail.stop();
        github.close();
    }

    /** The platform tagged v3.2.1 after a feature whose subject carries markup, emailing as {@code email} says. */
    private Path repo(String name, String email) {
        Path dir = tmp.resolve(name);
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle\n  apiUrl: " + github.apiUrl() + "\n" + email
                    + "components:\n  platform:\n    path: .\n    tagPrefix: v\n    releaseNotes:\n      title: Brokle\n    notify: [email]\n");
            repo.commitAll("chore(release): v3.2.0");
            repo.annotatedTag("v3.2.0");
            repo.commitIn("api", "feat(api): usage dashboard <script>alert(1)</script> & more");
            repo.annotatedTag("v3.2.1");
        }
        return dir;
    }

    private static String email(String security, int port, String extra) {
        return "email:\n  host: 127.0.0.1\n  port: " + port + "\n  security: " + security + "\n  from: 'Brokle Releases <releases@brokle.ai>'\n"
                + "  to: [team@brokle.ai, oncall@brokle.ai]\n" + extra;
    }

    private void perform(Path dir, Credentials credentials) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("GITHUB_REF", "refs/tags/v3.2.1");
        new PerformWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log).withCredentials(credentials))
                .withRetry(FAST), new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
    }

    private static Credentials server(String password) {
        return Credentials.none().withServers(id -> id.equals("smtp") ? Optional.of(new Login("release-bot", password)) : Optional.empty());
    }

    @Test
    void overTlsWithALoginTheTeamGetsOneMessageWithTextAndHtml() throws Exception {
        Path dir = repo("tls", email("tls", mail.getSmtps().getPort(), "  insecure: true\n"));
        perform(dir, server(PASSWORD));
        assertTrue(mail.waitForIncomingEmail(5000, 2), "one copy for each recipient");
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(2, received.length);
        MimeMessage m = received[0];
        assertEquals("Brokle v3.2.1 released", m.getSubject());
        assertEquals("Brokle Releases <releases@brokle.ai>", m.getFrom()[0].toString());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertEquals(2, parts.getCount());
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain") && parts.getBodyPart(1).isMimeType("text/html"));
        assertTrue(text.contains("usage dashboard <script>alert(1)</script> & more"), text);
        assertTrue(text.contains("Release notes: https://github.com/brokle-ai/brokle/releases/tag/v3.2.1"), text);
        assertTrue(html.contains("usage dashboard &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
        assertFalse(html.contains("<script>"), "commit text is never markup in the HTML part");
        assertTrue(html.contains("<h1>Brokle v3.2.1 released</h1>"), html);
        assertTrue(log.lines().contains("[email] sent to team@brokle.ai, oncall@brokle.ai"), log.lines().toString());

        perform(dir, server(PASSWORD));
        assertEquals(2, mail.getReceivedMessages().length, "sent once per release: a re-run of perform sends nothing");
        assertFalse(log.everything().contains(PASSWORD));
    }

    @Test
    void aRefusedLoginAnUntrustedCertificateAndNoStarttlsAreWarningsThatSendNothing() throws Exception {
        Path refused = repo("refused", email("tls", mail.getSmtps().getPort(), "  insecure: true\n"));
        perform(refused, server("wrong-" + PASSWORD));
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[email] not sent: 127.0.0.1 refused the login of release-bot")
                && l.contains("check the settings.xml server smtp or SMTP_USERNAME/SMTP_PASSWORD")), log.lines().toString());

        Path untrusted = repo("untrusted", email("tls", mail.getSmtps().getPort(), ""));
        perform(untrusted, server(PASSWORD));
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[email] not sent through 127.0.0.1:" + mail.getSmtps().getPort())
                && l.contains("email.insecure: true")), log.lines().toString());

        Path plain = repo("plain", email("starttls", mail.getSmtp().getPort(), ""));
        perform(plain, server(PASSWORD));
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[email] not sent through 127.0.0.1:" + mail.getSmtp().getPort())
                && l.contains("the server offers no STARTTLS")), log.lines().toString());
        assertEquals(0, mail.getReceivedMessages().length);
        assertFalse(log.everything().contains(PASSWORD));

        // each warned release is sent by the next run, once the cause is gone
        perform(refused, server(PASSWORD));
        assertTrue(mail.waitForIncomingEmail(5000, 2));
    }

    @Test
    void aRelayWithoutProtectionTakesNoLoginAndTheSectionIsCheckedFirst() throws Exception {
        Path relay = repo("relay", email("none", mail.getSmtp().getPort(), ""));
        perform(relay, Credentials.none());
        assertTrue(mail.waitForIncomingEmail(5000, 2));

        Path clear = repo("clear", email("none", mail.getSmtp().getPort(), ""));
        ReleaseFailure inClear = assertThrows(ReleaseFailure.class, () -> perform(clear, server(PASSWORD)));
        assertTrue(inClear.getMessage().contains("email.security is none, and an SMTP login is given: it would cross the network in clear"),
                inClear.getMessage());

        Path bad = repo("bad", "email:\n  host: 127.0.0.1\n  security: sometimes\n  from: not an address\n  to: []\n  bcc: [x@y.z]\n");
        ReleaseFailure config = assertThrows(ReleaseFailure.class, () -> perform(bad, Credentials.none()));
        for (String problem : new String[] {"email.security", "'sometimes' is not starttls, tls or none", "email.from", "email.to", "bcc"}) {
            assertTrue(config.getMessage().contains(problem), config.getMessage());
        }
        assertEquals(2, mail.getReceivedMessages().length);
    }
}
