package ai.brokle.release.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.NpmTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every non-merge commit of the users' three repositories (src/test/resources/real-commits), read by
 * this parser and by conventional-commits-parser with the Conventional Commits preset (what
 * semantic-release and conventional-changelog use): type, scope, subject and whether it breaks must
 * agree, except where a difference below says why ours is right.
 */
class RealCommitsParityTest {
    static final String PARSER = "conventional-commits-parser@6.4.0";
    static final String PRESET = "conventional-changelog-conventionalcommits@8.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Differences that are right, by the commit's hash prefix, each with its reason. */
    private static final Map<String, String> EXPECTED = Map.of(
            "f8a6f03671", "git's revert subject, Revert \"feat: …\", whose 'This reverts commit <hash>.' line was deleted: the parser needs that"
                    + " line to see a revert and drops the commit; ours reads the subject git writes and lists it as a revert (it names no"
                    + " commit, so it cancels nothing and does not change the version)");

    @TempDir
    Path tmp;

    @Test
    void ourReadingOfEveryRealCommitAgreesWithConventionalCommitsParser() throws Exception {
        Path home = NpmTool.install("conventional-commits-parser-6.4.0", "conventional-commits-parser/package.json", PARSER, PRESET);
        Path commits = tmp.resolve("commits.json");
        try (InputStream in = getClass().getResourceAsStream("/real-commits/commits.json")) {
            Files.copy(Objects.requireNonNull(in, "real-commits/commits.json"), commits);
        }
        Path script = home.resolve("parity.mjs");
        Files.writeString(script, """
                import { readFileSync } from 'node:fs';
                import createPreset from 'conventional-changelog-conventionalcommits';
                import { CommitParser } from 'conventional-commits-parser';
                const preset = await createPreset();
                const parser = new CommitParser(preset.parser);
                const out = JSON.parse(readFileSync(process.argv[2], 'utf8')).map(c => {
                  const p = parser.parse(c.message);
                  return { hash: c.hash, type: p.type ?? null, scope: p.scope ?? null, subject: p.subject ?? null,
                           breaking: p.notes.some(n => /^BREAKING[ -]CHANGE$/i.test(n.title)) || /^\\w*(\\(.*\\))?!: /.test(p.header ?? ''),
                           revert: p.revert ? (p.revert.header ?? '') : null };
                });
                process.stdout.write(JSON.stringify(out));
                """);
        NpmTool.Result r = NpmTool.exec(home, 120, "node", script.toString(), commits.toString());
        assertEquals(0, r.exit(), r.output());
        JsonNode theirs = JSON.readTree(r.output());
        JsonNode mine = JSON.readTree(commits.toFile());

        ConventionalCommitParser parser = new ConventionalCommitParser();
        Map<String, String> differences = new LinkedHashMap<>();
        int agreed = 0;
        for (int i = 0; i < mine.size(); i++) {
            JsonNode commit = mine.get(i);
            JsonNode reference = theirs.get(i);
            String hash = commit.path("hash").asText();
            ConventionalCommit ours = parser.parse(hash, commit.path("message").asText(), 1);
            List<String> diff = new ArrayList<>();
            // a git revert: the parser gives no type but a revert; ours is type "revert"
            String theirType = reference.path("revert").isNull() ? text(reference, "type") : "revert";
            String theirScope = text(reference, "scope");
            String theirSubject = text(reference, "subject");
            if (!Objects.equals(ours.type(), theirType == null ? null : theirType.toLowerCase(java.util.Locale.ROOT))) {
                diff.add("type " + ours.type() + " / " + theirType);
            }
            if (ours.type() != null && theirType != null && !ours.isRevert()) {
                if (!Objects.equals(ours.scope(), theirScope == null || theirScope.isBlank() ? null : theirScope.strip())) {
                    diff.add("scope " + ours.scope() + " / " + theirScope);
                }
                String subject = theirSubject == null ? null : theirSubject.strip().replaceAll("\\s*\\(#\\d+\\)$", "");
                if (!Objects.equals(ours.subject(), subject)) {
                    diff.add("subject '" + ours.subject() + "' / '" + theirSubject + "'");
                }
            }
            if (ours.breaking() != reference.path("breaking").asBoolean()) {
                diff.add("breaking " + ours.breaking() + " / " + reference.path("breaking").asBoolean());
            }
            if (diff.isEmpty()) {
                agreed++;
            } else {
                differences.put(hash.substring(0, 10), commit.path("repo").asText() + " '" + ours.header() + "': " + String.join("; ", diff));
            }
        }
        System.out.println("conventional-commits-parser parity: " + agreed + " of " + mine.size() + " real commits read alike; "
                + differences.size() + " differ");
        differences.forEach((h, d) -> System.out.println("  " + h + " " + d));
        Map<String, String> unexplained = new LinkedHashMap<>(differences);
        EXPECTED.keySet().forEach(unexplained::remove);
        assertTrue(unexplained.isEmpty(), "differences without a reason: " + unexplained);
        assertEquals(EXPECTED.keySet(), differences.keySet(), "every listed difference still exists");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
