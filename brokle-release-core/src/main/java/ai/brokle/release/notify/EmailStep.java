package ai.brokle.release.notify;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.EmailConfig;
import ai.brokle.release.credentials.Login;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import jakarta.activation.DataHandler;
import jakarta.activation.MailcapCommandMap;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.angus.mail.handlers.multipart_mixed;
import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The release email: a plain-text and an HTML part from the same notes (Markdown, rendered with
 * raw HTML escaped), sent through the configured SMTP server with STARTTLS (required, never
 * skipped), TLS, or neither on a trusted relay (where no login is sent). Like the chat notices it is
 * claimed in the publication record before it goes out, so it is sent once per release, and a
 * failure is a warning, never a failed release.
 */
public final class EmailStep implements Step {
    public static final String NAME = "email";
    private static final int TIMEOUT_MILLIS = 30_000;

    private final ReleaseTarget target;
    private final EmailConfig config;
    private final Login login;
    private final String notes;
    private final Supplier<String> releaseUrl;
    private final ReleaseLog log;

    /**
     * @param login the SMTP login (a settings.xml server's, else the configured environment variables'), or null to send without one
     * @param notes the release notes (Markdown)
     * @param releaseUrl the release's web address, asked when the message is written
     */
    public EmailStep(ReleaseTarget target, EmailConfig config, Login login, String notes, Supplier<String> releaseUrl, ReleaseLog log) {
        this.target = target;
        this.config = config;
        this.login = login;
        this.notes = notes == null ? "" : notes;
        this.releaseUrl = releaseUrl;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return String.join(", ", config.to());
    }

    @Override
    public boolean atMostOnce() {
        return true;
    }

    @Override
    public String byHand() {
        return "send the release's link to " + target() + " yourself";
    }

    @Override
    public List<Check> check() {
        if (login != null && config.security() == EmailConfig.Security.NONE) {
            return List.of(Check.problem("email.security is none, and an SMTP login is given: it would cross the network in clear; use starttls or"
                    + " tls, or no login for a relay that needs none"));
        }
        return List.of();
    }

    @Override
    public Status status(Journal journal) {
        return journal.has(NAME) ? Status.DONE : Status.TODO;
    }

    String subject() {
        String product = target.component().releaseNotes().title();
        return (product == null ? target.component().name() : product) + " " + target.tag() + " released";
    }

    String text(String url) {
        StringBuilder t = new StringBuilder(subject()).append("\n\nVersion: ").append(target.version()).append('\n');
        if (url != null) {
            t.append("Release notes: ").append(url).append('\n');
        }
        return t.append('\n').append(notes.strip()).append('\n').toString();
    }

    String html(String url) {
        String body = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build().render(Parser.builder().build().parse(notes));
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><body>\n<h1>").append(escape(subject())).append("</h1>\n<p>Version ")
                .append(escape(target.version().toString()));
        if (url != null) {
            h.append(" &middot; <a href=\"").append(escape(url)).append("\">Release notes</a>");
        }
        return h.append("</p>\n").append(body).append("</body></html>\n").toString();
    }

    /** The address of {@code text} ({@code releases@brokle.ai} of {@code Brokle Releases <releases@brokle.ai>}). */
    public static String address(String text) {
        try {
            return new InternetAddress(text, true).getAddress();
        } catch (MessagingException e) {
            return text;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("[" + NAME + "] would send \"" + subject() + "\" from " + config.from() + " to " + target() + " through " + config.host() + ":"
                + config.port() + " (" + config.security().name().toLowerCase(java.util.Locale.ROOT) + (login == null ? ", no login" : ", as "
                + login.username()) + ")");
    }

    /** The message: multipart/alternative with the text first, each part's bytes given as they are. */
    MimeMessage message(Session session) throws MessagingException {
        String url = releaseUrl.get();
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(config.from(), true));
        for (String to : config.to()) {
            m.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        }
        m.setSubject(subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(text(url), "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part(html(url), "text/html; charset=UTF-8"));
        // the multipart's handler by its class, not by a mailcap file that names it by a name the bundled copy no longer has
        MailcapCommandMap handlers = new MailcapCommandMap();
        handlers.addMailcap("multipart/*;; x-java-content-handler=" + multipart_mixed.class.getName());
        DataHandler content = new DataHandler(alternative, alternative.getContentType());
        content.setCommandMap(handlers);
        m.setDataHandler(content);
        m.setHeader("Content-Type", alternative.getContentType());
        m.saveChanges();
        return m;
    }

    private static MimeBodyPart part(String text, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8), type)));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private Session session() {
        Properties p = new Properties();
        String protocol = config.security() == EmailConfig.Security.TLS ? "smtps" : "smtp";
        p.put("mail." + protocol + ".host", config.host());
        p.put("mail." + protocol + ".port", String.valueOf(config.port()));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail." + protocol + ".auth", String.valueOf(login != null));
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (config.security() == EmailConfig.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (config.insecure()) {
            p.put("mail." + protocol + ".ssl.trust", config.host());
            p.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        }
        return Session.getInstance(p);
    }

    @Override
    public Effect execute() {
        Session session = session();
        Transport transport = config.security() == EmailConfig.Security.TLS ? new SMTPSSLTransport(session, null) : new SMTPTransport(session, null);
        try {
            MimeMessage message = message(session);
            transport.connect(config.host(), config.port(), login == null ? null : login.username(), login == null ? null : login.password());
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                transport.close();
            }
        } catch (AuthenticationFailedException e) {
            log.warn("[" + NAME + "] not sent: " + config.host() + " refused the login of " + login.username() + " (" + said(e) + "); check the"
                    + " settings.xml server " + config.serverId() + " or " + config.usernameEnv() + "/" + config.passwordEnv()
                    + "; the release goes on (run perform again to send it)");
            return Effect.warned();
        } catch (MessagingException e) {
            log.warn("[" + NAME + "] not sent through " + config.host() + ":" + config.port() + ": " + said(e) + advice(e)
                    + "; the release goes on (run perform again to send it)");
            return Effect.warned();
        }
        log.info("[" + NAME + "] sent to " + target());
        return Effect.done(target());
    }

    /** What went wrong, down to the first cause, on one line. */
    private static String said(Exception e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !s.toString().contains(cause.getMessage())) {
            s.append(": ").append(cause.getMessage().strip());
        }
        return s.toString().replaceAll("\\s+", " ");
    }

    private String advice(MessagingException e) {
        String text = said(e);
        if (text.contains("STARTTLS")) {
            return " (email.security is starttls, and the server offers no STARTTLS: nothing, not the login, is sent in clear; use tls or the"
                    + " server's submission port)";
        }
        if (text.contains("PKIX") || text.contains("certificate")) {
            return " (the server's certificate is not trusted by this Java; for a test server on a trusted network, email.insecure: true)";
        }
        return "";
    }
}
