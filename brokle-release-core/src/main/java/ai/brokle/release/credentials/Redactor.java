package ai.brokle.release.credentials;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hides the secrets a run holds in any text before it is shown: each secret, and the Basic
 * authorization forms it travels in ({@code user:secret} in Base64, as an index that echoes request
 * headers would print it). Log lines and failure messages pass through it at every level.
 */
public final class Redactor {
    /** The user names secrets travel with in Basic authorization, besides the configured ones. */
    private static final List<String> USERS = List.of("__token__", "x-access-token", "git", "");
    private static final String HIDDEN = "****";
    private static final int SHORTEST = 4;

    private final Set<String> hidden = ConcurrentHashMap.newKeySet();
    private final Set<String> users = ConcurrentHashMap.newKeySet();

    /** Hides {@code secret} from now on (a value shorter than four characters would hide ordinary text, and is not hidden). */
    public void add(String secret) {
        if (secret == null || secret.length() < SHORTEST) {
            return;
        }
        hidden.add(secret);
        for (String user : USERS) {
            basic(user, secret);
        }
        users.forEach(u -> basic(u, secret));
    }

    /** A user name a secret is sent with. */
    public void user(String name) {
        if (name != null && !name.isEmpty() && users.add(name)) {
            List.copyOf(hidden).forEach(s -> basic(name, s));
        }
    }

    private void basic(String user, String secret) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        hidden.add(encoded);
        // without padding too, as some echo it
        hidden.add(encoded.replaceAll("=+$", ""));
    }

    /** {@code text} with every secret replaced by {@value #HIDDEN}. */
    public String redact(String text) {
        if (text == null || hidden.isEmpty()) {
            return text;
        }
        List<String> longestFirst = new ArrayList<>(hidden);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String secret : longestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, HIDDEN);
            }
        }
        return out;
    }
}
