package ai.brokle.release.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.git.RawCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rendered section and release notes of one release with every kind of change, compared with
 * files under src/test/resources/golden. Run with {@code -Dgolden.update=true} to rewrite them
 * after an intended change, then review the difference.
 */
class RenderingGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static ReleaseChanges release(List<String> images) {
        String[][] commits = {
            {"feat(otlp): OTLP trace ingestion (#123)\n\nHighlight: New OpenTelemetry-native trace ingestion", "Ann", "ann@example.com"},
            {"feat(billing): cost calculation with model pricing (#124)", "Bob", "bob@example.com"},
            {"fix: span parent linking (#126)", "Ann", "ann@example.com"},
            {"fix(batch): memory leak in batch processor (#127)", "Cy", "cy@example.com"},
            {"feat(api)!: remove /v1/legacy/traces\n\nBREAKING CHANGE: use /v1/otlp/traces instead; the legacy endpoint is gone.",
                "Bob", "bob@example.com"},
            {"docs: OTLP migration guide", "Ann", "ann@example.com"},
            {"chore(deps): upgrade ClickHouse to v24.3", "Bot", "bot@example.com"},
            {"perf(gateway): cache provider routes", "Cy", "cy@example.com"},
            {"feat(sdk): v2 exporter\n\nDEPRECATED: the v1 exporter is removed in 4.0", "Ann", "ann@example.com"},
            {"fix(security): escape project names", "Dee", "dee@example.com"},
            {"chore(release): 3.2.0", "Bot", "bot@example.com"},
        };
        ChangeCollector collector = new ChangeCollector(ChangelogRules.defaults(), RepositoryLinks.of("https://github.com/brokle-ai/brokle"),
                new ConventionalCommitParser());
        for (int i = commits.length - 1; i >= 0; i--) {
            collector.add(new RawCommit(ChangeCollectorTest.hash(i), commits[i][0], 1, commits[i][1], commits[i][2], 1_736_900_000L + i));
        }
        return collector.build(new ReleaseChanges.Release("platform", "Brokle", "3.2.0", "v3.2.0", "3.1.0", "v3.1.0", "2025-01-15",
                "v3.2.0", RepositoryLinks.of("https://github.com/brokle-ai/brokle"), images), () -> List.of(new Author("Dee", "dee@example.com")));
    }

    @Test
    void keepAChangelogSection() throws IOException {
        assertGolden("section-3.2.0.md", ChangelogSection.of(release(List.of())).render("\n"));
    }

    @Test
    void defaultReleaseNotes() throws IOException {
        assertGolden("notes-3.2.0.md", ReleaseNotes.defaultTemplate().render(release(
                List.of("ghcr.io/brokle-ai/brokle-server:3.2.0", "ghcr.io/brokle-ai/brokle-worker:3.2.0"))));
    }

    @Test
    void customTemplateSeesTheDocumentedModel() throws IOException {
        String template = """
                # {{title}} {{version}} ({{date}}), after {{previousVersion}} ({{previousTag}})
                {{#sections}}
                {{title}}: {{#entries}}{{shortHash}} {{#scope}}[{{.}}] {{/scope}}{{subject}}{{^-last}}; {{/-last}}{{/entries}}
                {{/sections}}
                Breaking: {{#breakingChanges}}{{subject}} -> {{migration}}{{/breakingChanges}}
                Authors: {{#authors}}{{name}} <{{email}}>{{^-last}}, {{/-last}}{{/authors}}
                New: {{#firstTimeContributors}}{{name}}{{/firstTimeContributors}}
                Links: {{repositoryUrl}} {{compareUrl}} {{#entries}}{{#pullRequestUrl}}{{.}} {{/pullRequestUrl}}{{/entries}}
                Pre-release: {{prerelease}}; left out: {{leftOut}}
                """;
        assertGolden("custom-3.2.0.txt", ReleaseNotes.compile(template, "custom.mustache").render(release(List.of())));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "rendering differs from " + file);
    }
}
