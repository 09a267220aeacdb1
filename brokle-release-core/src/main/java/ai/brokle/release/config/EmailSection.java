package ai.brokle.release.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code email} section, every key checked: the server, the protection, the sender and the recipients. */
final class EmailSection {
    static final List<String> KEYS = List.of("host", "port", "security", "from", "to", "serverId", "usernameEnv", "passwordEnv", "insecure");

    private final ConfigFields fields;

    EmailSection(ConfigFields fields) {
        this.fields = fields;
    }

    /** The section, or null when there is none. */
    EmailConfig email(Object node) {
        if (node == null) {
            return null;
        }
        Map<String, Object> e = fields.mapping(node, "email", KEYS);
        if (e == null) {
            return null;
        }
        String host = fields.string(e, "email", "host", null);
        if (host == null || !ConfigSchema.REGISTRY_HOST.matcher(host).matches() || host.contains(":")) {
            fields.problem("email.host", host == null ? "missing; the SMTP server, e.g. smtp.gmail.com" : "'" + host + "' is not a host name");
        }
        String securityText = fields.string(e, "email", "security", "starttls");
        EmailConfig.Security security = EmailConfig.Security.STARTTLS;
        try {
            security = EmailConfig.Security.valueOf(securityText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            fields.problem("email.security", "'" + securityText + "' is not starttls, tls or none");
        }
        int port = security.defaultPort();
        Object portNode = e.get("port");
        if (portNode != null) {
            String text = String.valueOf(portNode).strip();
            if (text.matches("[0-9]{1,5}") && Integer.parseInt(text) > 0 && Integer.parseInt(text) < 65536) {
                port = Integer.parseInt(text);
            } else {
                fields.problem("email.port", "'" + portNode + "' is not a port (1 to 65535)");
            }
        }
        String from = fields.string(e, "email", "from", null);
        if (from == null) {
            fields.problem("email.from", "missing; the sender, e.g. 'Brokle Releases <releases@brokle.ai>'");
        } else {
            address(from, "email.from");
        }
        List<String> to = e.get("to") instanceof String one ? List.of(one) : fields.stringList(e.get("to"), "email.to");
        if (to.isEmpty()) {
            fields.problem("email.to", "missing; the recipients, e.g. [team@brokle.ai]");
        }
        for (int i = 0; i < to.size(); i++) {
            address(to.get(i), "email.to[" + i + "]");
        }
        String serverId = fields.string(e, "email", "serverId", EmailConfig.DEFAULT_SERVER_ID);
        String usernameEnv = fields.string(e, "email", "usernameEnv", EmailConfig.DEFAULT_USERNAME_ENV);
        String passwordEnv = fields.string(e, "email", "passwordEnv", EmailConfig.DEFAULT_PASSWORD_ENV);
        for (String[] env : new String[][] {{"usernameEnv", usernameEnv}, {"passwordEnv", passwordEnv}}) {
            if (env[1] != null && !ConfigSchema.ENV_NAME.matcher(env[1]).matches()) {
                fields.problem("email." + env[0], "'" + env[1] + "' is not an environment variable name, e.g. SMTP_PASSWORD");
            }
        }
        Object insecure = e.get("insecure");
        if (insecure != null && !(insecure instanceof Boolean)) {
            fields.problem("email.insecure", "must be true or false");
        }
        return new EmailConfig(host, port, security, from, new ArrayList<>(to), serverId, usernameEnv, passwordEnv, Boolean.TRUE.equals(insecure));
    }

    /** One address, strictly as RFC 822 has it; a list or a group is refused. */
    private void address(String text, String key) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(text, true);
            if (parsed.length != 1 || parsed[0].isGroup() || !parsed[0].getAddress().contains("@")) {
                fields.problem(key, "'" + text + "' is not one email address, e.g. team@brokle.ai or 'Brokle Releases <releases@brokle.ai>'");
            }
        } catch (AddressException ex) {
            fields.problem(key, "'" + text + "' is not an email address (" + ex.getMessage() + ")");
        }
    }
}
