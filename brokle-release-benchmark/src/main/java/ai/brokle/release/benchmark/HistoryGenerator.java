package ai.brokle.release.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a reproducible history of conventional commits into a new git repository with
 * {@code git fast-import}: the same seed gives the same commits, tags and ids.
 *
 * <p>Usage: {@code HistoryGenerator DIR COMMITS TAGS LATEST_TAG_BACK [SEED]}: TAGS annotated tags
 * v1.0.0, v1.1.0, ... spread evenly over the history, the latest one LATEST_TAG_BACK commits behind
 * HEAD. The first commit adds a {@code .brokle-release.yml} with one component, tagged {@code v}.
 */
public final class HistoryGenerator {
    private static final String[] TYPES = {"feat", "fix", "fix", "perf", "docs", "chore", "refactor", "test", "ci", "build"};
    private static final String[] SCOPES = {"api", "web", "ingest", "billing", "gateway", "auth", "sdk", null, null};
    private static final String[] WORDS = {"trace", "span", "cache", "cost", "model", "token", "route", "retry", "batch",
        "export", "otlp", "queue", "limit", "project", "usage", "metric", "alert", "query"};
    private static final long START = 1_700_000_000L;

    private HistoryGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: HistoryGenerator DIR COMMITS TAGS LATEST_TAG_BACK [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int commits = Integer.parseInt(args[1]);
        int tagCount = Integer.parseInt(args[2]);
        int latestBack = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        long started = System.nanoTime();
        int tags = generate(dir, commits, tagCount, latestBack, seed);
        System.out.printf("generated %d commits and %d annotated tags in %s (%.1f s)%n", commits, tags, dir,
                (System.nanoTime() - started) / 1e9);
    }

    public static int generate(Path dir, int commits, int tagCount, int latestBack, long seed) throws IOException, InterruptedException {
        if (latestBack >= commits || tagCount < 1) {
            throw new IllegalArgumentException("need at least one tag, and fewer commits back than there are commits");
        }
        int lastTagged = commits - latestBack;
        int spacing = Math.max(1, lastTagged / tagCount);
        run(dir.getParent(), "git", "init", "-q", "-b", "main", dir.toString());
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        Random random = new Random(seed);
        int tags = 0;
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            for (int i = 1; i <= commits; i++) {
                long time = START + i * 60L;
                String message = message(random, i);
                write(out, "commit refs/heads/main\nmark :" + i + "\n");
                write(out, "author Dev " + (i % 17) + " <dev" + (i % 17) + "@example.com> " + time + " +0000\n");
                write(out, "committer Dev " + (i % 17) + " <dev" + (i % 17) + "@example.com> " + time + " +0000\n");
                data(out, message);
                if (i > 1) {
                    write(out, "from :" + (i - 1) + "\n");
                }
                if (i == 1) {
                    write(out, "M 100644 inline " + ".brokle-release.yml" + "\n");
                    data(out, "components:\n  platform:\n    path: .\n    tagPrefix: v\n");
                }
                write(out, "M 100644 inline src/module-" + (i % 50) + "/file.txt\n");
                data(out, "change " + i + "\n");
                write(out, "\n");
                int beforeLast = lastTagged - i;
                if (beforeLast >= 0 && beforeLast % spacing == 0 && beforeLast / spacing < tagCount) {
                    int minor = tags++;
                    write(out, "tag v1." + minor + ".0\nfrom :" + i + "\n");
                    write(out, "tagger Release Bot <bot@example.com> " + time + " +0000\n");
                    data(out, "Brokle v1." + minor + ".0\n");
                }
            }
        }
        if (importer.waitFor() != 0) {
            throw new IOException("git fast-import failed with exit code " + importer.exitValue());
        }
        run(dir, "git", "pack-refs", "--all");
        run(dir, "git", "reset", "-q", "--hard");
        return tags;
    }

    private static String message(Random random, int i) {
        String type = TYPES[random.nextInt(TYPES.length)];
        String scope = SCOPES[random.nextInt(SCOPES.length)];
        StringBuilder m = new StringBuilder(type);
        if (scope != null) {
            m.append('(').append(scope).append(')');
        }
        boolean breaking = random.nextInt(500) == 0;
        if (breaking && random.nextBoolean()) {
            m.append('!');
        }
        m.append(": ");
        int words = 3 + random.nextInt(5);
        for (int w = 0; w < words; w++) {
            m.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(4) == 0) {
            m.append(" (#").append(1000 + i).append(')');
        }
        m.append('\n');
        if (random.nextInt(3) == 0) {
            m.append("\nA longer explanation of change ").append(i).append(" that spans\nmore than one line.\n");
        }
        if (breaking) {
            m.append("\nBREAKING CHANGE: the ").append(WORDS[random.nextInt(WORDS.length)]).append(" API changed\n");
        }
        return m.toString();
    }

    private static void data(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(out, "data " + bytes.length + "\n");
        out.write(bytes);
        write(out, "\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
    }
}
