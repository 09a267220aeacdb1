package ai.brokle.release.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ci.GitHubActions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One lookup for every secret: a named settings.xml server first, then the environment; each secret handed out is masked. */
class CredentialsTest {
    private final List<String> masked = new ArrayList<>();

    private Credentials of(Map<String, String> env) {
        return Credentials.none().withEnvironment(env).masking(masked::add);
    }

    @Test
    void aNamedServerComesBeforeTheEnvironmentForEveryPurpose() {
        Credentials c = of(Map.of("GITHUB_TOKEN", "env-gh", "PYPI_TOKEN", "env-pypi", "NPM_TOKEN", "env-npm", "BROKLE_GIT_PASSWORD", "env-git"))
                .withServer(Credentials.Purpose.GITHUB, new Login("bot", "server-gh"))
                .withServer(Credentials.Purpose.PYPI, new Login("__token__", "server-pypi"))
                .withServer(Credentials.Purpose.NPM, new Login("", "server-npm"))
                .withServer(Credentials.Purpose.GIT, new Login("bot", "server-git"));
        assertEquals(Optional.of("server-gh"), c.token(Credentials.Purpose.GITHUB));
        assertEquals(Optional.of("server-pypi"), c.token(Credentials.Purpose.PYPI));
        assertEquals(Optional.of("server-npm"), c.token(Credentials.Purpose.NPM));
        assertEquals(new Login("bot", "server-git"), c.git().orElseThrow());
        assertEquals(List.of("server-gh", "server-pypi", "server-npm", "server-git"), masked);
    }

    @Test
    void theEnvironmentIsReadInItsOrderWhenNoServerIsNamed() {
        assertEquals(Optional.of("gh"), of(Map.of("GH_TOKEN", "gh")).token(Credentials.Purpose.GITHUB));
        assertEquals(Optional.of("first"), of(Map.of("GITHUB_TOKEN", "first", "GH_TOKEN", "second")).token(Credentials.Purpose.GITHUB));
        assertEquals(Optional.of("node"), of(Map.of("NODE_AUTH_TOKEN", "node", "NPM_TOKEN", " ")).token(Credentials.Purpose.NPM));
        assertEquals(new Login("git", "pw"), of(Map.of("BROKLE_GIT_PASSWORD", "pw")).git().orElseThrow(), "user git when only the password is set");
        assertEquals(new Login("x-access-token", "ghs_actions"), of(Map.of("GITHUB_TOKEN", "ghs_actions")).git().orElseThrow());
        assertEquals(Optional.empty(), of(Map.of()).git());
        assertEquals(Optional.empty(), of(Map.of()).token(Credentials.Purpose.PYPI));
        assertFalse(of(Map.of()).has(Credentials.Purpose.NPM));
        assertTrue(masked.containsAll(List.of("gh", "first", "node", "pw", "ghs_actions")), masked.toString());
        assertFalse(masked.contains("second"), "only what is handed out is masked");
    }

    @Test
    void theStandInOfOlderSetupNodeIsNoNpmToken() {
        Credentials standIn = of(Map.of("NODE_AUTH_TOKEN", "XXXXX-XXXXX-XXXXX-XXXXX"));
        assertFalse(standIn.has(Credentials.Purpose.NPM), "setup-node@v4 exports it without a token: Trusted Publishing stays possible");
        assertEquals(Optional.empty(), standIn.token(Credentials.Purpose.NPM));
        assertEquals(Optional.of("npm_real"), of(Map.of("NODE_AUTH_TOKEN", "XXXXX-XXXXX-XXXXX-XXXXX", "NPM_TOKEN", "npm_real"))
                .token(Credentials.Purpose.NPM));
        assertTrue(of(Map.of("NODE_AUTH_TOKEN", "npm_given")).has(Credentials.Purpose.NPM));
    }

    @Test
    void serversByIdAndSecretVariablesAreMaskedToo() {
        Credentials c = of(Map.of("REG_PASSWORD", "reg-secret")).withServers(id -> id.equals("ghcr.io")
                ? Optional.of(new Login("ci", "ghcr-secret")) : Optional.empty());
        assertEquals("ci", c.server("ghcr.io").orElseThrow().username());
        assertEquals(Optional.empty(), c.server("docker.io"));
        assertEquals(Optional.of("reg-secret"), c.secretVariable("REG_PASSWORD"));
        assertEquals(List.of("ghcr-secret", "reg-secret"), masked);
        assertFalse(new Login("ci", "ghcr-secret").toString().contains("ghcr-secret"));
    }

    @Test
    void inGitHubActionsEachSecretHandedOutIsAnAddMaskLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GitHubActions actions = new GitHubActions(Map.of("GITHUB_ACTIONS", "true"), new PrintStream(out, true, StandardCharsets.UTF_8));
        Credentials c = Credentials.none().withEnvironment(Map.of("PYPI_TOKEN", "pypi-AgEN")).masking(actions::mask)
                .withServer(Credentials.Purpose.NPM, new Login("", "npm_secret"));
        c.token(Credentials.Purpose.PYPI);
        c.token(Credentials.Purpose.NPM);
        c.token(Credentials.Purpose.PYPI);
        c.masked("minted-by-trusted-publishing");
        assertEquals("::add-mask::pypi-AgEN\n::add-mask::npm_secret\n::add-mask::minted-by-trusted-publishing\n",
                out.toString(StandardCharsets.UTF_8), "each secret once, however often it is handed out");
    }
}
