package ai.brokle.release.commits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads commit messages as Conventional Commits 1.0.0; never fails on a message it cannot read.
 * An instance reuses its matchers from one message to the next (a history of 100,000 commits
 * would otherwise allocate half a million of them), so it serves one thread.
 */
public final class ConventionalCommitParser {
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)(?:\\(([^()\\r\\n]*)\\))?(!)?: (\\S.*)$");
    private static final Pattern FOOTER = Pattern.compile("^(BREAKING CHANGE|BREAKING-CHANGE|[A-Za-z][A-Za-z0-9-]*)(: | #)(.*)$");
    private static final Pattern PR_SUFFIX = Pattern.compile("\\s*\\(#(\\d{1,9})\\)\\s*$");
    private static final Pattern MERGE_PR = Pattern.compile("^Merge pull request #(\\d{1,9})\\b.*");
    private static final Pattern GIT_REVERT = Pattern.compile("^Revert \"(.*)\"\\s*$");
    private static final Pattern REVERTS_COMMIT = Pattern.compile("This reverts commit ([0-9a-fA-F]{7,64})");

    private final Matcher header = HEADER.matcher("");
    private final Matcher footer = FOOTER.matcher("");
    private final Matcher prSuffix = PR_SUFFIX.matcher("");

    public ConventionalCommit parse(String hash, String message, int parentCount) {
        String text = message.replace("\r\n", "\n").strip();
        int eol = text.indexOf('\n');
        String header = (eol < 0 ? text : text.substring(0, eol)).strip();
        String rest = eol < 0 ? "" : text.substring(eol + 1);

        List<String> lines = rest.isEmpty() ? List.of() : List.of(rest.split("\n", -1));
        int footerStart = findFooterStart(lines);
        String body = join(lines, 0, footerStart).strip();
        List<Footer> footers = parseFooters(lines, footerStart);

        boolean merge = parentCount > 1;
        String type = null;
        String scope = null;
        boolean bang = false;
        String subject = header;
        Matcher h = this.header.reset(header);
        if (h.matches()) {
            type = h.group(1).toLowerCase(Locale.ROOT);
            scope = h.group(2) == null || h.group(2).isBlank() ? null : h.group(2).strip();
            bang = h.group(3) != null;
            subject = h.group(4).strip();
        } else if (header.startsWith("Revert \"")) {
            Matcher gitRevert = GIT_REVERT.matcher(header);
            if (gitRevert.matches()) {
                type = "revert";
                subject = gitRevert.group(1);
            }
        }

        int pr = 0;
        Matcher suffix = prSuffix.reset(subject);
        if (suffix.find()) {
            pr = Integer.parseInt(suffix.group(1));
            subject = subject.substring(0, suffix.start());
        } else {
            Matcher mergePr = header.startsWith("Merge pull request #") ? MERGE_PR.matcher(header) : null;
            if (mergePr != null && mergePr.matches()) {
                pr = Integer.parseInt(mergePr.group(1));
            }
        }

        boolean breaking = bang;
        for (Footer f : footers) {
            breaking |= f.isBreakingChange();
        }
        String reverted = null;
        if ("revert".equals(type)) {
            Matcher m = REVERTS_COMMIT.matcher(rest);
            if (m.find()) {
                reverted = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return new ConventionalCommit(hash, type, scope, breaking, subject, body, List.copyOf(footers), header, merge, pr, reverted);
    }

    /**
     * Footers are the trailing paragraphs whose first line is a "Token: " or "Token #" line; gives
     * the index of the first footer line, or lines.size() when there is none.
     */
    private int findFooterStart(List<String> lines) {
        int start = lines.size();
        int end = lines.size();
        while (end > 0) {
            while (end > 0 && lines.get(end - 1).isBlank()) {
                end--;
            }
            int paragraph = end;
            while (paragraph > 0 && !lines.get(paragraph - 1).isBlank()) {
                paragraph--;
            }
            if (paragraph == end || !footer.reset(lines.get(paragraph)).matches()) {
                break;
            }
            start = paragraph;
            end = paragraph;
        }
        return start;
    }

    private List<Footer> parseFooters(List<String> lines, int start) {
        List<Footer> footers = new ArrayList<>();
        String token = null;
        StringBuilder value = null;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = footer.reset(line);
            if (m.matches()) {
                if (token != null) {
                    footers.add(new Footer(token, value.toString().strip()));
                }
                token = m.group(1);
                value = new StringBuilder(" #".equals(m.group(2)) ? "#" + m.group(3) : m.group(3));
            } else if (token != null) {
                value.append('\n').append(line);
            }
        }
        if (token != null) {
            footers.add(new Footer(token, value.toString().strip()));
        }
        return footers;
    }

    private static String join(List<String> lines, int from, int to) {
        return String.join("\n", lines.subList(from, to));
    }
}
