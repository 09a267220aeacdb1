package ai.brokle.release.changelog;

import ai.brokle.release.commits.ConventionalCommit;
import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.commits.Footer;
import ai.brokle.release.commits.RevertPairs;
import ai.brokle.release.git.RawCommit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the commits of one range into a {@link ReleaseChanges}: leaves out what the rules
 * exclude and reverted pairs, sorts the rest into sections, gathers highlights and authors.
 */
public final class ChangeCollector {
    private final ChangelogRules rules;
    private final RepositoryLinks links;
    private final ConventionalCommitParser parser;
    /** The range's commits as history gives them: newest first. */
    private final List<Commit> commits = new ArrayList<>();

    private record Commit(ConventionalCommit parsed, RawCommit raw) {
    }

    public ChangeCollector(ChangelogRules rules, RepositoryLinks links, ConventionalCommitParser parser) {
        this.rules = rules;
        this.links = links;
        this.parser = parser;
    }

    /** Adds the next commit of the range, newest first as a history walk gives them. */
    public void add(RawCommit raw) {
        commits.add(new Commit(parser.parse(raw.hash(), raw.message(), raw.parentCount()), raw));
    }

    public ReleaseChanges build(ReleaseChanges.Release release, Supplier<List<Author>> firstTimeContributors) {
        Set<String> cancelled = cancelledByReverts();
        List<ChangeEntry> breaking = new ArrayList<>();
        Map<String, List<ChangeEntry>> bySection = new LinkedHashMap<>();
        List<ChangeEntry> entries = new ArrayList<>();
        List<String> highlights = new ArrayList<>();
        Map<String, Author> authors = new LinkedHashMap<>();
        int leftOut = 0;
        for (int i = commits.size() - 1; i >= 0; i--) {
            Commit c = commits.get(i);
            ConventionalCommit commit = c.parsed();
            if (cancelled.contains(commit.hash()) || rules.exclusion(commit) != null) {
                leftOut++;
                continue;
            }
            // a revert of a commit released earlier reads as one: Revert "fix: beta", as conventional-changelog shows it
            ChangeEntry entry = entry(commit, c.raw(), commit.isRevert() && commit.header().startsWith("Revert \"") ? commit.header()
                    : commit.subject());
            entries.add(entry);
            if (commit.breaking()) {
                breaking.add(entry);
            } else {
                String section = rules.sectionOf(commit);
                if (section != null) {
                    bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(entry);
                }
            }
            for (Footer f : commit.footers()) {
                String token = f.token().toUpperCase(Locale.ROOT);
                String text = oneLine(f.value());
                if (text.isEmpty()) {
                    continue;
                }
                if (token.equals("DEPRECATED")) {
                    bySection.computeIfAbsent(ChangelogRules.DEPRECATED, k -> new ArrayList<>()).add(entry(commit, c.raw(), text));
                } else if (token.equals("REMOVED")) {
                    bySection.computeIfAbsent(ChangelogRules.REMOVED, k -> new ArrayList<>()).add(entry(commit, c.raw(), text));
                } else if (token.equals("HIGHLIGHT")) {
                    highlights.add(text);
                }
            }
            authors.putIfAbsent(c.raw().authorEmail().toLowerCase(Locale.ROOT), new Author(c.raw().authorName(), c.raw().authorEmail()));
        }
        List<ChangeGroup> sections = new ArrayList<>();
        for (String title : rules.sectionOrder()) {
            List<ChangeEntry> list = bySection.get(title);
            if (list != null) {
                sections.add(new ChangeGroup(title, List.copyOf(list)));
            }
        }
        return new ReleaseChanges(release, List.copyOf(breaking), List.copyOf(sections), List.copyOf(entries), List.copyOf(highlights),
                List.copyOf(authors.values()), firstTimeContributors, leftOut);
    }

    /** The commits a revert in the range cancels, with the reverts themselves ({@link RevertPairs}). */
    private Set<String> cancelledByReverts() {
        List<String> hashes = new ArrayList<>(commits.size());
        List<String> reverted = new ArrayList<>(commits.size());
        commits.forEach(c -> {
            hashes.add(c.parsed().hash());
            reverted.add(c.parsed().revertedHash());
        });
        return RevertPairs.cancelled(hashes, reverted);
    }

    private ChangeEntry entry(ConventionalCommit commit, RawCommit raw, String rawSubject) {
        String subject = printable(rawSubject);
        String shortHash = commit.hash().substring(0, Math.min(7, commit.hash().length()));
        String commitUrl = links == null ? null : links.commit(commit.hash());
        String prUrl = links == null || commit.pullRequest() == 0 ? null : links.pullRequest(commit.pullRequest());
        StringBuilder text = new StringBuilder(subject.length() + (commitUrl == null ? 40 : 2 * commitUrl.length() + 40));
        if (commit.scope() != null) {
            text.append("**").append(commit.scope()).append(":** ");
        }
        text.append(subject);
        if (commit.pullRequest() > 0) {
            text.append(" (").append(prUrl == null ? "#" + commit.pullRequest() : "[#" + commit.pullRequest() + "](" + prUrl + ")").append(')');
        }
        text.append(" (").append(commitUrl == null ? shortHash : "[" + shortHash + "](" + commitUrl + ")").append(')');
        String migration = commit.breaking() ? printable(oneLine(commit.breakingDescription())) : null;
        return new ChangeEntry(commit.hash(), shortHash, commit.type(), commit.scope(), subject, commit.breaking(), migration,
                commit.pullRequest(), commitUrl, prUrl, raw.authorName(), raw.authorEmail(), text.toString());
    }

    /** The text without control characters (a NUL byte in a commit message must not reach a changelog); the same string when it has none. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                StringBuilder out = new StringBuilder(text.length());
                text.chars().filter(ch -> !(ch < 0x20 && ch != '\t' || ch == 0x7f)).forEach(ch -> out.append((char) ch));
                return out.toString();
            }
        }
        return text;
    }

    /** Footer text may run over several lines; list items take it on one. */
    private static String oneLine(String text) {
        return text == null ? null : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
