package ai.brokle.release.changesets;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.text.TextFile;
import ai.brokle.release.version.Bump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The {@code .changeset} directory of a workspace: its change files, {@code config.json} and
 * {@code pre.json}, read and written in the Changesets format.
 */
public final class ChangesetDirectory {
    public static final String NAME = ".changeset";
    private static final List<String> ADJECTIVES = List.of("brave", "calm", "clever", "cool", "curly", "eager", "fair", "fancy",
            "fresh", "gentle", "giant", "happy", "honest", "jolly", "kind", "lazy", "lucky", "mighty", "neat", "nice", "odd",
            "plenty", "proud", "quick", "quiet", "rare", "rich", "shy", "silly", "smart", "sour", "swift", "tall", "tidy", "warm",
            "wise", "young", "zany");
    private static final List<String> NOUNS = List.of("apes", "bats", "bees", "birds", "cars", "cats", "clouds", "cows", "crabs",
            "ducks", "eels", "eggs", "falcons", "files", "foxes", "frogs", "geese", "goats", "hats", "keys", "lamps", "lions",
            "maps", "mice", "moles", "owls", "pans", "pears", "pigs", "plums", "rivers", "seals", "snails", "socks", "stars",
            "tigers", "trees", "waves", "wolves", "worms");
    private static final List<String> VERBS = List.of("act", "bake", "bark", "beam", "bow", "camp", "care", "clap", "cry",
            "dance", "dream", "drive", "eat", "fly", "glow", "grin", "hide", "hop", "hug", "joke", "jump", "kneel", "laugh",
            "leap", "lie", "listen", "march", "nap", "pay", "play", "pull", "push", "rest", "run", "sing", "sleep", "smile",
            "swim", "talk", "wave", "wink", "work");
    private static final int ATTEMPTS = 100;

    private final Path dir;
    private final RandomGenerator random;

    /** @param workspaceRoot the directory that holds {@code .changeset} */
    public ChangesetDirectory(Path workspaceRoot) {
        this(workspaceRoot, new SecureRandom());
    }

    ChangesetDirectory(Path workspaceRoot, RandomGenerator random) {
        this.dir = workspaceRoot.resolve(NAME);
        this.random = random;
    }

    public Path path() {
        return dir;
    }

    public boolean exists() {
        return Files.isDirectory(dir);
    }

    /**
     * Every change file, in name order as the Changesets CLI reads them ({@code README.md} and
     * hidden files left out). Files that cannot be parsed are reported all at once.
     */
    public List<Changeset> changesets() {
        if (!exists()) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> {
                String name = f.getFileName().toString();
                return Files.isRegularFile(f) && name.endsWith(".md") && !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).equals("readme.md");
            }).sorted().toList();
        } catch (IOException e) {
            throw new ReleaseError("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Changeset> changesets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                changesets.add(Changeset.parse(name.substring(0, name.length() - 3), TextFile.read(file, ".changeset/" + name)));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ChangesetException("Cannot read the change files", problems);
        }
        return changesets;
    }

    /** The configuration, or the Changesets defaults when there is no config.json. */
    public ChangesetConfig config() {
        return read("config.json").map(text -> {
            try {
                return ChangesetConfig.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ChangesetException(e.getMessage(), List.of(e.getMessage()));
            }
        }).orElse(ChangesetConfig.defaults());
    }

    /** Pre-release mode, when pre.json exists. */
    public Optional<PreState> preState() {
        return read("pre.json").map(text -> {
            try {
                return PreState.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ChangesetException(e.getMessage(), List.of(e.getMessage()));
            }
        });
    }

    public void writePreState(PreState state) {
        write("pre.json", state.write());
    }

    public void deletePreState() {
        delete("pre.json");
    }

    /** Writes a new change file under a readable random name (as {@code brave-cats-dance}); returns its id. */
    public String add(Map<String, Bump> releases, String summary) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String id = pick(ADJECTIVES) + "-" + pick(NOUNS) + "-" + pick(VERBS);
            if (!Files.exists(dir.resolve(id + ".md"))) {
                write(id + ".md", new Changeset(id, releases, summary).write());
                return id;
            }
        }
        throw new ReleaseError("Cannot find a free name for a change file in " + dir + " after " + ATTEMPTS + " attempts");
    }

    /** Deletes the change file {@code id}.md. */
    public void remove(String id) {
        delete(id + ".md");
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private Optional<String> read(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TextFile.read(file, ".changeset/" + name));
        } catch (TextFile.Refused e) {
            throw new ChangesetException("Cannot read the change files' settings", java.util.List.of(e.getMessage()));
        }
    }

    /** Writes atomically: a crash leaves the old file or the new one. */
    private void write(String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + name, ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReleaseError("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            throw new ReleaseError("Cannot delete " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
