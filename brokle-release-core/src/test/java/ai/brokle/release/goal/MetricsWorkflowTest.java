package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.publish.github.GitHubClient;
import ai.brokle.release.publish.github.GitHubRelease;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.HistoryReplay;
import ai.brokle.release.testing.NpmTool;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics goal on the three real histories (their commits' times and parents and their tags,
 * replayed from fixtures): every figure checked against what git itself says of the same
 * repository; re-runs and rollbacks from publication records; the same history gives the same
 * bytes, and the example in docs/metrics-example is the platform's.
 */
class MetricsWorkflowTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "metrics-example");

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        NpmTool.Result r = NpmTool.exec(dir, 60, command);
        assertEquals(0, r.exit(), String.join(" ", command) + ": " + r.output());
        return r.output().strip();
    }

    private TestRepo replayed(String name, String component) {
        TestRepo repo = TestRepo.init(tmp.resolve(name));
        HistoryReplay.replay(repo, HistoryReplay.fixture(name));
        repo.write(".brokle-release.yml", "components:\n  " + component + ":\n    path: .\n    tagPrefix: v\n");
        return repo;
    }

    private JsonNode metrics(Path dir, Path out) throws Exception {
        return metrics(dir, out, Map.of());
    }

    private JsonNode metrics(Path dir, Path out, Map<String, String> env) throws Exception {
        new MetricsWorkflow(ReleaseOptions.of(dir).withEnvironment(env).withLog(log), out.toString()).execute();
        return new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).path("components").get(0);
    }

    /** What git says of each v-tag release: in version order, its commits are those of the tag and of no earlier release. */
    private static void sameAsGit(Path dir, JsonNode component) {
        List<String> tags = new ArrayList<>(git(dir, "tag", "-l", "v*").lines().filter(t -> SemVer.tryParse(t.substring(1)).isPresent()).toList());
        tags.sort(Comparator.comparing((String t) -> SemVer.parse(t.substring(1))).thenComparing(t -> t));
        List<String> reported = new ArrayList<>();
        component.path("releases").forEach(r -> reported.add(r.path("tag").asText()));
        assertEquals(tags.stream().sorted().toList(), reported.stream().sorted().toList(), "every SemVer release tag, no other");
        Map<String, JsonNode> byTag = new TreeMap<>();
        component.path("releases").forEach(r -> byTag.put(r.path("tag").asText(), r));
        Map<String, Integer> months = new TreeMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            List<String> range = new ArrayList<>(List.of(tag, "--not"));
            range.addAll(tags.subList(0, i));
            range.add("--");
            List<String> countArgs = new ArrayList<>(List.of("rev-list", "--count"));
            countArgs.addAll(range);
            int commits = Integer.parseInt(git(dir, countArgs.toArray(String[]::new)));
            long tagged = Long.parseLong(git(dir, "for-each-ref", "--format=%(creatordate:unix)", "refs/tags/" + tag));
            JsonNode r = byTag.get(tag);
            assertEquals(commits, r.path("commits").asInt(), tag + " commits");
            assertEquals(Instant.ofEpochSecond(tagged).toString(), r.path("tagged").asText(), tag + " tagged");
            if (commits > 0) {
                List<String> logArgs = new ArrayList<>(List.of("log", "--format=%at"));
                logArgs.addAll(range);
                long first = git(dir, logArgs.toArray(String[]::new)).lines().mapToLong(Long::parseLong).min().getAsLong();
                assertEquals(tagged - first, r.path("leadTimeSeconds").asLong(), tag + " lead time");
            } else {
                assertTrue(r.path("leadTimeSeconds").isNull(), tag);
            }
            months.merge(YearMonth.from(Instant.ofEpochSecond(tagged).atZone(ZoneOffset.UTC)).toString(), 1, Integer::sum);
        }
        months.forEach((m, n) -> assertEquals(n, component.path("perMonth").path(m).asInt(), m));
        int listed = 0;
        for (var it = component.path("perMonth").fields(); it.hasNext();) {
            listed += it.next().getValue().asInt();
        }
        assertEquals(tags.size(), listed, "months without releases count zero");
    }

    @Test
    void theRealHistoriesGiveWhatGitSaysAndTheSameBytesTwice() throws Exception {
        for (String[] r : new String[][] {{"brokle", "platform"}, {"brokle-python", "python"}, {"brokle-js", "javascript"}}) {
            try (TestRepo repo = replayed(r[0], r[1])) {
                Path out = tmp.resolve("metrics-" + r[0]);
                JsonNode component = metrics(repo.dir(), out);
                assertEquals(r[1], component.path("component").asText());
                sameAsGit(repo.dir(), component);
                Map<String, String> first = files(out);
                metrics(repo.dir(), out);
                assertEquals(first, files(out), r[0] + ": the same history, the same files");
                if (r[0].equals("brokle")) {
                    JsonNode summary = component.path("summary");
                    assertEquals(8, summary.path("releases").asInt());
                    assertEquals(0, summary.path("prereleases").asInt());
                    for (String name : List.of("metrics.md", "cadence-platform.svg", "lead-time-platform.svg")) {
                        if (Boolean.getBoolean("golden.update")) {
                            Files.createDirectories(EXAMPLE);
                            Files.writeString(EXAMPLE.resolve(name), first.get(name), StandardCharsets.UTF_8);
                        }
                        assertEquals(Files.readString(EXAMPLE.resolve(name), StandardCharsets.UTF_8), first.get(name),
                                "docs/metrics-example/" + name + " is the platform's; run with -Dgolden.update=true after changing the report");
                    }
                    String svg = first.get("cadence-platform.svg");
                    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && !svg.contains("<script"), svg);
                }
            }
        }
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void reRunsAndRollbacksComeFromThePublicationRecords() throws Exception {
        try (TestRepo repo = replayed("brokle", "platform"); GitRepository git = GitRepository.open(repo.dir())) {
            long tagged = git.tagTime("v0.4.0");
            // perform published images, failed on the GitHub release, and was run again two hours later
            PublicationRecord.record(git, "v0.4.0", new PublicationRecord.Entry("images", "ghcr.io/brokle-ai/brokle-server",
                    Instant.ofEpochSecond(tagged + 300).toString(), null));
            PublicationRecord.record(git, "v0.4.0", new PublicationRecord.Entry("github-release", "https://github.com/brokle-ai/brokle/releases/tag/v0.4.0",
                    Instant.ofEpochSecond(tagged + 7500).toString(), null));
            long earlier = git.tagTime("v0.3.0");
            PublicationRecord.record(git, "v0.3.0", new PublicationRecord.Entry("github-release", "https://github.com/brokle-ai/brokle/releases/tag/v0.3.0",
                    Instant.ofEpochSecond(earlier + 600).toString(), null));
            PublicationRecord.record(git, "v0.3.0", new PublicationRecord.Entry("rollback", "leaks connections",
                    Instant.ofEpochSecond(earlier + 86_400).toString(), null));
            JsonNode component = metrics(repo.dir(), tmp.resolve("with-records"));
            Map<String, JsonNode> byTag = new TreeMap<>();
            component.path("releases").forEach(r -> byTag.put(r.path("tag").asText(), r));
            assertEquals(7500, byTag.get("v0.4.0").path("publishedAfterSeconds").asLong(), "tag to the last publication");
            assertEquals(2, byTag.get("v0.4.0").path("performRuns").asInt());
            assertEquals(600, byTag.get("v0.3.0").path("publishedAfterSeconds").asLong(), "the rollback is no publication");
            assertEquals(1, byTag.get("v0.3.0").path("performRuns").asInt());
            assertTrue(byTag.get("v0.3.0").path("rolledBack").asBoolean());
            assertFalse(byTag.get("v0.2.1").path("rolledBack").asBoolean());
            assertTrue(byTag.get("v0.2.1").path("publishedAfterSeconds").isNull(), "no record, no figure");
            JsonNode summary = component.path("summary");
            assertEquals(1, summary.path("rerun").asInt());
            assertEquals(1, summary.path("rolledBack").asInt());
            String md = Files.readString(tmp.resolve("with-records/metrics.md"), StandardCharsets.UTF_8);
            assertTrue(md.contains("| v0.4.0 | 2026-02-04 |"), md);
            assertTrue(md.contains(" | 2.1h | 2 |  |"), md);
        }
    }

    @Test
    void withATokenTheGitHubReleasesSayWhenEachWasPublished() throws Exception {
        try (TestRepo repo = replayed("brokle-python", "python"); FakeGitHub github = FakeGitHub.start("ghs_metrics_token_0123456789")) {
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle-python\n  apiUrl: " + github.apiUrl() + "\ncomponents:\n"
                    + "  python:\n    path: .\n    tagPrefix: v\n");
            GitHubClient client = new GitHubClient(github.apiUrl(), "ghs_metrics_token_0123456789", log);
            for (String tag : List.of("v0.3.3", "v0.4.0")) {
                GitHubRelease draft = client.createDraft("brokle-ai/brokle-python", new GitHubRelease.Fields(tag, tag, "notes", false));
                client.publish("brokle-ai/brokle-python", draft.id(), true);
            }
            new MetricsWorkflow(ReleaseOptions.of(repo.dir()).withLog(log), tmp.resolve("no-token").toString()).execute();
            assertTrue(log.lines().contains("[metrics] GitHub releases not read (no GITHUB_TOKEN): the figures come from the tags and the"
                    + " publication records"), log.lines().toString());

            JsonNode component = metrics(repo.dir(), tmp.resolve("with-github"), Map.of("GITHUB_TOKEN", "ghs_metrics_token_0123456789"));
            Map<String, JsonNode> byTag = new TreeMap<>();
            component.path("releases").forEach(r -> byTag.put(r.path("tag").asText(), r));
            try (GitRepository git = GitRepository.open(repo.dir())) {
                for (JsonNode release : github.releases()) {
                    String tag = release.path("tag_name").asText();
                    assertEquals(Instant.parse(release.path("published_at").asText()).getEpochSecond() - git.tagTime(tag),
                            byTag.get(tag).path("onGitHubAfterSeconds").asLong(), tag);
                }
            }
            assertTrue(byTag.get("v0.3.2").path("onGitHubAfterSeconds").isNull(), "no GitHub release, no figure");
            assertTrue(Files.readString(tmp.resolve("with-github/metrics.md")).contains("| on GitHub after |"));
        }
    }
}
