package ai.brokle.release.credentials;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every secret a goal uses, from one place: a settings.xml server first (the plugin reads and
 * decrypts the servers the user names and hands them in), then the environment. Each secret handed
 * out is first given to the mask (in GitHub Actions, {@code ::add-mask::}), so that no later log
 * line shows it.
 */
public final class Credentials {
    /** What a secret is for, and the environment variables that hold it when no settings.xml server is named. */
    public enum Purpose {
        /** The git remote: BROKLE_GIT_USERNAME and BROKLE_GIT_PASSWORD, else GITHUB_TOKEN as GitHub Actions gives it. */
        GIT(List.of("BROKLE_GIT_PASSWORD")),
        /** The GitHub API: GITHUB_TOKEN, else GH_TOKEN. */
        GITHUB(List.of("GITHUB_TOKEN", "GH_TOKEN")),
        /** The Python package index: PYPI_TOKEN (Trusted Publishing mints one otherwise). */
        PYPI(List.of("PYPI_TOKEN")),
        /** The npm registry: NPM_TOKEN, else NODE_AUTH_TOKEN. */
        NPM(List.of("NPM_TOKEN", "NODE_AUTH_TOKEN"));

        private final List<String> variables;

        Purpose(List<String> variables) {
            this.variables = variables;
        }

        /** The environment variables that hold the secret, in the order they are read. */
        public List<String> variables() {
            return variables;
        }
    }

    /** No settings.xml server, no environment, nothing masked; the secrets it hands out are redacted by a redactor of its own. */
    public static Credentials none() {
        return new Credentials(Map.of(), id -> Optional.empty(), Map.of(), s -> { }, new Redactor());
    }

    private static final String SETUP_NODE_STAND_IN = "XXXXX-XXXXX-XXXXX-XXXXX";

    private final Map<Purpose, Login> named;
    private final Function<String, Optional<Login>> servers;
    private final Map<String, String> environment;
    private final Consumer<String> mask;
    private final Redactor redactor;

    private Credentials(Map<Purpose, Login> named, Function<String, Optional<Login>> servers, Map<String, String> environment,
            Consumer<String> mask, Redactor redactor) {
        this.named = named;
        this.servers = servers;
        this.environment = environment;
        this.mask = mask;
        this.redactor = redactor;
    }

    /** With the settings.xml server the user named for {@code purpose}. */
    public Credentials withServer(Purpose purpose, Login login) {
        Map<Purpose, Login> copy = new EnumMap<>(Purpose.class);
        copy.putAll(named);
        copy.put(purpose, login);
        return new Credentials(Collections.unmodifiableMap(copy), servers, environment, mask, redactor);
    }

    /** With every settings.xml server, found by id (the container registries name theirs in the configuration). */
    public Credentials withServers(Function<String, Optional<Login>> lookup) {
        return new Credentials(named, lookup, environment, mask, redactor);
    }

    /** With the environment the secrets fall back to. */
    public Credentials withEnvironment(Map<String, String> value) {
        return new Credentials(named, servers, Map.copyOf(value), mask, redactor);
    }

    /** With what hides a secret from the log (in GitHub Actions: {@code ::add-mask::}), told each secret once. */
    public Credentials masking(Consumer<String> value) {
        Set<String> told = ConcurrentHashMap.newKeySet();
        return new Credentials(named, servers, environment, s -> {
            if (told.add(s)) {
                value.accept(s);
            }
        }, redactor);
    }

    /** With {@code value} hiding, in every text shown, each secret handed out from now on. */
    public Credentials redacting(Redactor value) {
        return new Credentials(named, servers, environment, mask, value);
    }

    /** What hides the secrets handed out so far in a text. */
    public Redactor redactor() {
        return redactor;
    }

    /** The token for {@code purpose}: the named settings.xml server's password, else the purpose's environment variables. */
    public Optional<String> token(Purpose purpose) {
        Login server = named.get(purpose);
        if (server != null && !blank(server.password())) {
            return Optional.of(masked(server.password()));
        }
        for (String variable : purpose.variables()) {
            if (set(variable)) {
                return Optional.of(masked(environment.get(variable)));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the environment variable holds a secret: not blank, and not the stand-in that
     * actions/setup-node before v5 exports as NODE_AUTH_TOKEN when a registry-url is given without a
     * token (which would hide npm Trusted Publishing behind a token that is none).
     */
    private boolean set(String variable) {
        String value = environment.get(variable);
        return !blank(value) && !(variable.equals("NODE_AUTH_TOKEN") && value.equals(SETUP_NODE_STAND_IN));
    }

    /** The password of the settings.xml server named for {@code purpose} only, masked; empty when none was named. */
    public Optional<String> namedToken(Purpose purpose) {
        Login server = named.get(purpose);
        return server == null || blank(server.password()) ? Optional.empty() : Optional.of(masked(server.password()));
    }

    /** Whether a token for {@code purpose} is at hand, without handing it out. */
    public boolean has(Purpose purpose) {
        Login server = named.get(purpose);
        return server != null && !blank(server.password()) || purpose.variables().stream().anyMatch(this::set);
    }

    /**
     * The login for the git remote: the named settings.xml server, else BROKLE_GIT_USERNAME and
     * BROKLE_GIT_PASSWORD (user "git" when only the password is set), else GITHUB_TOKEN as
     * {@code x-access-token}; empty to reach the remote without credentials.
     */
    public Optional<Login> git() {
        Login server = named.get(Purpose.GIT);
        if (server != null) {
            redactor.user(server.username());
            masked(server.password());
            return Optional.of(new Login(blank(server.username()) ? "git" : server.username(), nullToEmpty(server.password())));
        }
        String password = environment.get("BROKLE_GIT_PASSWORD");
        if (!blank(password)) {
            String user = environment.get("BROKLE_GIT_USERNAME");
            redactor.user(user);
            return Optional.of(new Login(blank(user) ? "git" : user, masked(password)));
        }
        String token = environment.get("GITHUB_TOKEN");
        return blank(token) ? Optional.empty() : Optional.of(new Login("x-access-token", masked(token)));
    }

    /** The settings.xml server {@code id} (a container registry's), its password masked; empty when there is none. */
    public Optional<Login> server(String id) {
        Optional<Login> login = servers.apply(id);
        login.ifPresent(l -> {
            redactor.user(l.username());
            masked(l.password());
        });
        return login;
    }

    /** A secret from the environment variable the configuration names (a registry's passwordEnv), masked; empty when unset. */
    public Optional<String> secretVariable(String name) {
        String value = environment.get(name);
        return blank(value) ? Optional.empty() : Optional.of(masked(value));
    }

    /** Hides {@code secret} from the log from now on, when the goal obtained one outside this class (a minted token). */
    public String masked(String secret) {
        if (!blank(secret)) {
            mask.accept(secret);
            redactor.add(secret);
        }
        return secret;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
