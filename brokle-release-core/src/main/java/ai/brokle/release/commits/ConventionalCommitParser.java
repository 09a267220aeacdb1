package ai.brokle.release.commits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads commit messages as Conventional Commits 1.0.0; never fails on a message it cannot read.
 * An instance reuses its matchers and its line table from one message to the next, and works on
 * positions in the message rather than on copies of its lines (a history of 100,000 commits would
 * otherwise allocate millions of short-lived strings), so it serves one thread.
 */
public final class ConventionalCommitParser {
    /** One space after the colon or more, as conventional-commits-parser reads it ("feat:  x" is a feat; "feat:x" is not). */
    /**
     * The header as conventional-commits-parser reads it: the scope runs to the last ')' before the
     * colon, so Dependabot's "deps(go)(deps): bump x" is a {@code deps} commit (scope "go)(deps").
     */
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)(?:\\((.*)\\))?(!)?: +(\\S.*)$");
    /**
     * A breaking-change note anywhere in the body, as conventional-commits-parser finds it: indented,
     * after a '*' or '|', followed by more paragraphs. Upper case only, as the specification requires
     * ("BREAKING CHANGE MUST be uppercase"; the parser would also take "breaking change:" in prose).
     */
    private static final Pattern BODY_NOTE = Pattern.compile("^[\\s|*]*(BREAKING CHANGE|BREAKING-CHANGE)[:\\s]+(.*)$");
    private static final Pattern FOOTER = Pattern.compile("^(BREAKING CHANGE|BREAKING-CHANGE|[A-Za-z][A-Za-z0-9-]*)(: | #)(.*)$");
    private static final Pattern PR_SUFFIX = Pattern.compile("\\s*\\(#(\\d{1,9})\\)\\s*$");
    private static final Pattern MERGE_PR = Pattern.compile("^Merge pull request #(\\d{1,9})\\b.*");
    private static final Pattern GIT_REVERT = Pattern.compile("^Revert \"(.*)\"\\s*$");
    private static final Pattern REVERTS_COMMIT = Pattern.compile("This reverts commit ([0-9a-fA-F]{7,64})");
    /** Types common enough to share one string each instead of one per commit. */
    private static final List<String> COMMON_TYPES = List.of("feat", "fix", "chore", "docs", "refactor", "perf", "test", "build", "ci",
            "style", "revert");

    private final Matcher header = HEADER.matcher("");
    private final Matcher footer = FOOTER.matcher("");
    private final Matcher prSuffix = PR_SUFFIX.matcher("");
    private final Matcher revertsCommit = REVERTS_COMMIT.matcher("");
    private final Matcher bodyNote = BODY_NOTE.matcher("");
    /** Start of each line of the message body, reused: {@code lineStarts[0 .. lineCount)}. */
    private int[] lineStarts = new int[32];
    private int lineCount;
    /** End of the last line (the end of the stripped message). */
    private int textEnd;

    public ConventionalCommit parse(String hash, String message, int parentCount) {
        String text = message.indexOf('\r') < 0 ? message : message.replace("\r\n", "\n");
        int begin = 0;
        int end = text.length();
        // leading blank lines go; white space before the type does not: " docs: x" is not a docs commit, as for the parser and the spec
        for (int i = 0; i < end && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                begin = i + 1;
            }
        }
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int eol = text.indexOf('\n', begin);
        if (eol >= end) {
            eol = -1;
        }
        String header = stripEnd(text, begin, eol < 0 ? end : eol);
        int restStart = eol < 0 ? end : eol + 1;

        indexLines(text, restStart, end);
        footer.reset(text);
        int footerLine = findFooterStart(text);
        int footerStart = footerLine < lineCount ? lineStarts[footerLine] : end;
        List<Footer> footers = parseFooters(text, footerLine);
        // a breaking-change note inside the body: the body ends there, the note runs to the footers
        int noteLine = bodyNote(text, footerLine);
        String body;
        if (noteLine >= 0) {
            body = strip(text, restStart, lineStarts[noteLine]);
            String note = strip(text, bodyNote.start(2), footerStart);
            List<Footer> all = new ArrayList<>(footers.size() + 1);
            all.add(new Footer(bodyNote.group(1), note));
            all.addAll(footers);
            footers = all;
        } else {
            body = strip(text, restStart, footerStart);
        }

        boolean merge = parentCount > 1;
        String type = null;
        String scope = null;
        boolean bang = false;
        String subject = header;
        Matcher h = this.header.reset(header);
        if (h.matches()) {
            type = type(header, h.start(1), h.end(1));
            if (h.start(2) >= 0) {
                scope = strip(header, h.start(2), h.end(2));
                scope = scope.isEmpty() ? null : scope;
            }
            bang = h.start(3) >= 0;
            subject = strip(header, h.start(4), h.end(4));
        } else if (header.startsWith("Revert \"")) {
            Matcher gitRevert = GIT_REVERT.matcher(header);
            if (gitRevert.matches()) {
                type = "revert";
                subject = gitRevert.group(1);
            }
        }

        int pr = 0;
        int suffixStart = pullRequestSuffix(subject);
        if (suffixStart >= 0) {
            pr = Integer.parseInt(prSuffix.group(1));
            subject = subject.substring(0, suffixStart);
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
            Matcher m = revertsCommit.reset(text).region(restStart, end);
            if (m.find()) {
                reverted = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return new ConventionalCommit(hash, type, scope, breaking, subject, body, List.copyOf(footers), header, merge, pr, reverted);
    }

    /**
     * Where a {@code (#123)} suffix starts in {@code subject}, with the white space before it, or
     * -1; on a hit {@link #prSuffix} holds the number. Only the end of the subject is searched.
     */
    private int pullRequestSuffix(String subject) {
        int last = subject.length();
        while (last > 0 && Character.isWhitespace(subject.charAt(last - 1))) {
            last--;
        }
        if (last == 0 || subject.charAt(last - 1) != ')') {
            return -1;
        }
        int open = subject.lastIndexOf("(#");
        if (open < 0) {
            return -1;
        }
        while (open > 0 && Character.isWhitespace(subject.charAt(open - 1))) {
            open--;
        }
        Matcher m = prSuffix.reset(subject).region(open, subject.length());
        return m.lookingAt() ? m.start() : -1;
    }

    /** The first body line (before {@code footerLine}) holding a breaking-change note, {@link #bodyNote} matched on it; -1 when none. */
    private int bodyNote(String text, int footerLine) {
        if (text.indexOf("BREAKING", lineCount == 0 ? textEnd : lineStarts[0]) < 0) {
            return -1;
        }
        bodyNote.reset(text);
        for (int i = 0; i < footerLine; i++) {
            if (bodyNote.region(lineStarts[i], lineEnd(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Records where each line of {@code text[from, to)} starts. */
    private void indexLines(String text, int from, int to) {
        lineCount = 0;
        textEnd = to;
        if (from >= to) {
            return;
        }
        int start = from;
        while (true) {
            if (lineCount == lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
            }
            lineStarts[lineCount++] = start;
            int nl = text.indexOf('\n', start);
            if (nl < 0 || nl >= to) {
                return;
            }
            start = nl + 1;
        }
    }

    private int lineEnd(int line) {
        return line + 1 < lineCount ? lineStarts[line + 1] - 1 : textEnd;
    }

    private boolean blank(String text, int line) {
        for (int i = lineStarts[line], e = lineEnd(line); i < e; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean footerLine(int line) {
        return footer.region(lineStarts[line], lineEnd(line)).matches();
    }

    /**
     * Footers are the trailing paragraphs whose first line is a "Token: " or "Token #" line; gives
     * the index of the first footer line, or the line count when there is none.
     */
    private int findFooterStart(String text) {
        int start = lineCount;
        int end = lineCount;
        while (end > 0) {
            while (end > 0 && blank(text, end - 1)) {
                end--;
            }
            int paragraph = end;
            while (paragraph > 0 && !blank(text, paragraph - 1)) {
                paragraph--;
            }
            if (paragraph == end || !footerLine(paragraph)) {
                break;
            }
            start = paragraph;
            end = paragraph;
        }
        return start;
    }

    private List<Footer> parseFooters(String text, int first) {
        if (first >= lineCount) {
            return List.of();
        }
        List<Footer> footers = new ArrayList<>(2);
        String token = null;
        StringBuilder value = null;
        for (int i = first; i < lineCount; i++) {
            if (footerLine(i)) {
                if (token != null) {
                    footers.add(new Footer(token, value.toString().strip()));
                }
                token = footer.group(1);
                value = new StringBuilder(lineEnd(i) - footer.start(3) + 1);
                if (text.charAt(footer.start(2)) == ' ') { // "Token #value": the # belongs to the value
                    value.append('#');
                }
                value.append(text, footer.start(3), footer.end(3));
            } else if (token != null) {
                value.append('\n').append(text, lineStarts[i], lineEnd(i));
            }
        }
        footers.add(new Footer(token, value.toString().strip()));
        return footers;
    }

    /** {@code text[from, to)} without trailing white space. */
    private static String stripEnd(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** {@code text[from, to)} without leading and trailing white space. */
    private static String strip(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** The type in lower case; a shared string for the common ones. */
    private static String type(String header, int from, int to) {
        for (String common : COMMON_TYPES) {
            if (common.length() == to - from && header.regionMatches(true, from, common, 0, common.length())) {
                return common;
            }
        }
        return header.substring(from, to).toLowerCase(Locale.ROOT);
    }
}
