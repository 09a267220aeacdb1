package ai.brokle.release.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets are hidden as they are, and in the Basic authorization forms servers echo back. */
class RedactorTest {
    private static String basic(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hidesEachSecretAndItsBasicAuthorizationForms() {
        Redactor redactor = new Redactor();
        redactor.add("pypi-AgEIcHlwaS5vcmc");
        redactor.user("brokle-bot");
        redactor.add("ghp_0123456789abcdef");
        assertEquals("token **** and ****", redactor.redact("token pypi-AgEIcHlwaS5vcmc and ghp_0123456789abcdef"));
        assertEquals("Basic ****", redactor.redact("Basic " + basic("__token__", "pypi-AgEIcHlwaS5vcmc")));
        assertEquals("Basic ****", redactor.redact("Basic " + basic("x-access-token", "ghp_0123456789abcdef")));
        assertEquals("Basic ****", redactor.redact("Basic " + basic("brokle-bot", "pypi-AgEIcHlwaS5vcmc")), "a user named after the secret");
        assertEquals("Basic ****", redactor.redact("Basic " + basic("__token__", "pypi-AgEIcHlwaS5vcmc").replace("=", "")));
    }

    @Test
    void shortValuesAndPlainTextAreLeftAlone() {
        Redactor redactor = new Redactor();
        redactor.add("abc");
        redactor.add(null);
        assertEquals("abc is not a secret", redactor.redact("abc is not a secret"));
        assertEquals(null, redactor.redact(null));
    }
}
