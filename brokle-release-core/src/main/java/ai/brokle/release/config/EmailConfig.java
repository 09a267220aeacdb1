package ai.brokle.release.config;

import java.util.List;

/**
 * The {@code email} section: where release emails go and through which SMTP server.
 *
 * @param host the SMTP server
 * @param port its port (default 587 for STARTTLS, 465 for TLS, 25 without either)
 * @param security how the connection is protected
 * @param from the sender ({@code Brokle Releases <releases@brokle.ai>})
 * @param to the recipients
 * @param serverId the settings.xml server holding the SMTP login (default {@code smtp})
 * @param usernameEnv the environment variable of the login's user, when no such server is given (default SMTP_USERNAME)
 * @param passwordEnv the environment variable of its password (default SMTP_PASSWORD)
 * @param insecure whether the server's certificate is trusted without verification (a test server on a trusted network)
 */
public record EmailConfig(String host, int port, Security security, String from, List<String> to, String serverId, String usernameEnv,
        String passwordEnv, boolean insecure) {
    public static final String DEFAULT_SERVER_ID = "smtp";
    public static final String DEFAULT_USERNAME_ENV = "SMTP_USERNAME";
    public static final String DEFAULT_PASSWORD_ENV = "SMTP_PASSWORD";

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
        STARTTLS(587),
        /** TLS from the first byte (port 465). */
        TLS(465),
        /** No protection: only for a relay on a trusted network; no login is sent over it. */
        NONE(25);

        private final int port;

        Security(int port) {
            this.port = port;
        }

        public int defaultPort() {
            return port;
        }
    }

    public EmailConfig {
        to = List.copyOf(to);
    }
}
