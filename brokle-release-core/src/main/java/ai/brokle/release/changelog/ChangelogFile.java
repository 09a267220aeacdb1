package ai.brokle.release.changelog;

import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds release sections to a Keep a Changelog file and changes nothing else: each section goes
 * above the releases older than it (a new release directly under {@code ## [Unreleased]}, taking
 * the hand-written lines that were there; a release older than all of them at the end of the last
 * release's section), link references are added or updated beside the ones the file has, and every
 * other byte, line ends included, stays as it was. A section of a version not released yet is
 * regenerated when asked: its generated entries are replaced, its hand-written lines kept.
 */
public final class ChangelogFile {
    /** The opening of a new changelog, as keepachangelog.com writes it. */
    public static final String HEADER = "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
            + "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n"
            + "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n## [Unreleased]\n";

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern UNRELEASED = Pattern.compile("^\\[?unreleased\\]?(?:\\(.*\\))?(?:\\s.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELEASE = Pattern.compile("^\\[?v?(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)\\]?(?:[\\s(:\\-\\u2013\\u2014].*)?$");
    private static final Pattern LINK_REF = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:\\s*(\\S+)(.*)$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
    /** A list item this tool wrote: it ends with its commit, {@code (abc1234)} or {@code ([abc1234](…/commit/…))}. */
    private static final Pattern GENERATED_ITEM = Pattern.compile("^- .*\\((?:\\[[0-9a-f]{7,40}\\]\\([^)\\s]*\\)|[0-9a-f]{7,40})\\)\\s*$");

    /**
     * The merged text and what happened.
     *
     * @param text the file's new content
     * @param added versions whose sections were added
     * @param alreadyPresent versions the file already had a section for, left as they are
     * @param refreshed versions not released yet whose sections were regenerated
     */
    public record Result(String text, List<String> added, List<String> alreadyPresent, List<String> refreshed) {
        public boolean changed() {
            return !added.isEmpty() || !refreshed.isEmpty();
        }
    }

    private final List<String> lines = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();
    private final String eol;
    private int unreleased = -1;
    /** Release headings: line index to version as written. */
    private final Map<Integer, String> releases = new LinkedHashMap<>();
    private final List<Integer> level2Headings = new ArrayList<>();
    /** Lines inside fenced code blocks. */
    private final Set<Integer> fencedLines = new HashSet<>();
    private int linkBlock;

    private ChangelogFile(String text) {
        eol = text.contains("\r\n") ? "\r\n" : "\n";
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(start, end);
            String terminator = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
            lines.add(line.substring(0, line.length() - terminator.length()));
            ends.add(terminator);
            start = end;
        }
        scan();
    }

    /** Merges {@code sections} into {@code existing}, or into a new file when it is null; sections already there are left as they are. */
    public static Result merge(String existing, List<ChangelogSection> sections, RepositoryLinks links) {
        return merge(existing, sections, links, Set.of());
    }

    /**
     * Merges {@code sections} into {@code existing}, or into a new file when it is null.
     *
     * @param unreleased versions not released yet: a section the file already has for one of them is
     *     regenerated (its generated entries replaced by the new ones, its hand-written lines kept)
     */
    public static Result merge(String existing, List<ChangelogSection> sections, RepositoryLinks links, Set<String> unreleased) {
        for (ChangelogSection s : sections) {
            if (s.version() == null) {
                throw new IllegalArgumentException("Only released versions are merged into a changelog");
            }
        }
        ChangelogFile file = new ChangelogFile(existing == null ? HEADER : existing);
        List<String> refreshed = new ArrayList<>();
        for (ChangelogSection s : sections) {
            if (unreleased.contains(s.version()) && file.releases.containsValue(s.version())) {
                String before = String.join("", file.joined());
                String after = file.refresh(s);
                if (!after.equals(before)) {
                    refreshed.add(s.version());
                }
                file = new ChangelogFile(after);
            }
        }
        Result merged = file.merge(sections, links);
        List<String> present = merged.alreadyPresent().stream().filter(v -> !refreshed.contains(v)).toList();
        return new Result(merged.text(), merged.added(), present, refreshed);
    }

    /** {@code existing} with a {@code ## [Unreleased]} section (above the first release) when it has none; a new changelog when null. */
    public static String withUnreleased(String existing) {
        if (existing == null) {
            return HEADER;
        }
        ChangelogFile file = new ChangelogFile(existing);
        if (file.unreleased >= 0) {
            return existing;
        }
        int at = file.releases.keySet().stream().findFirst()
                .orElse(file.level2Headings.stream().filter(h -> h < file.linkBlock).findFirst().orElse(file.linkBlock));
        StringBuilder out = new StringBuilder();
        List<String> all = file.joined();
        for (int i = 0; i < all.size(); i++) {
            if (i == at) {
                out.append("## [Unreleased]").append(file.eol).append(file.eol);
            }
            out.append(all.get(i));
        }
        if (at >= all.size()) {
            if (!all.isEmpty() && file.ends.get(all.size() - 1).isEmpty()) {
                out.append(file.eol);
            }
            if (!all.isEmpty() && !file.lines.get(all.size() - 1).isBlank()) {
                out.append(file.eol);
            }
            out.append("## [Unreleased]").append(file.eol);
        }
        return out.toString();
    }

    /** The text with the section of {@code section}'s version regenerated: generated items replaced, hand-written lines kept. */
    private String refresh(ChangelogSection section) {
        int heading = releases.entrySet().stream().filter(e -> e.getValue().equals(section.version())).findFirst().orElseThrow().getKey();
        int end = nextLevel2HeadingAfter(heading);
        List<String> kept = new ArrayList<>();
        boolean inGenerated = false;
        for (int i = heading + 1; i < end; i++) {
            String line = lines.get(i);
            if (GENERATED_ITEM.matcher(line).matches() || line.equals(ChangelogSection.NOTHING)) {
                inGenerated = true;
                continue;
            }
            // the nested lines of a generated item (its migration note) go with it
            if (inGenerated && line.startsWith("  ") && !line.isBlank()) {
                continue;
            }
            inGenerated = false;
            kept.add(line);
        }
        // trailing blank lines and a closing thematic break stay where they were, after the section
        int tail = end;
        while (tail > heading + 1 && (lines.get(tail - 1).isBlank() || THEMATIC_BREAK.matcher(lines.get(tail - 1)).matches())) {
            tail--;
        }
        List<String> body = withHandWritten(section, kept.subList(0, Math.max(0, kept.size() - (end - tail))));
        if (body.size() == 1) {
            body = section.lines();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < heading; i++) {
            out.append(lines.get(i)).append(ends.get(i));
        }
        for (String l : body) {
            out.append(l).append(eol);
        }
        for (int i = tail; i < lines.size(); i++) {
            out.append(lines.get(i)).append(ends.get(i));
        }
        return out.toString();
    }

    /** Whether a changelog's text already has a section for {@code version}. */
    public static boolean hasSection(String text, String version) {
        return new ChangelogFile(text).releases.containsValue(version);
    }

    private void scan() {
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                fencedLines.add(i);
                continue;
            }
            if (fenced) {
                fencedLines.add(i);
            }
            Matcher h = HEADING.matcher(line);
            if (fenced || !h.matches() || h.group(1).length() > 2) {
                continue;
            }
            String title = h.group(2);
            if (h.group(1).length() == 2) {
                level2Headings.add(i);
            }
            Matcher r = RELEASE.matcher(title);
            if (unreleased < 0 && releases.isEmpty() && UNRELEASED.matcher(title).matches()) {
                unreleased = i;
            } else if (r.matches() && SemVer.tryParse(r.group(1)).isPresent()) {
                releases.put(i, r.group(1));
            }
        }
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        linkBlock = lines.size();
        for (int i = end - 1; i >= 0 && (lines.get(i).isBlank() || LINK_REF.matcher(lines.get(i)).matches()); i--) {
            if (!lines.get(i).isBlank()) {
                linkBlock = i;
            }
        }
        if (linkBlock < lines.size() && headingAtOrAfter(linkBlock) >= 0) {
            linkBlock = lines.size();
        }
    }

    private int headingAtOrAfter(int index) {
        for (int h : level2Headings) {
            if (h >= index) {
                return h;
            }
        }
        for (int h : releases.keySet()) {
            if (h >= index) {
                return h;
            }
        }
        return -1;
    }

    private Result merge(List<ChangelogSection> sections, RepositoryLinks links) {
        Set<String> present = new HashSet<>(releases.values());
        List<String> alreadyPresent = new ArrayList<>();
        List<ChangelogSection> toAdd = new ArrayList<>();
        Set<String> adding = new HashSet<>();
        for (ChangelogSection s : sections) {
            if (present.contains(s.version())) {
                alreadyPresent.add(s.version());
            } else if (adding.add(s.version())) {
                toAdd.add(s);
            }
        }
        if (toAdd.isEmpty()) {
            return new Result(String.join("", joined()), List.of(), alreadyPresent, List.of());
        }
        toAdd.sort(Comparator.comparing((ChangelogSection s) -> SemVer.parse(s.version())).reversed());
        ChangelogSection newest = toAdd.get(0);
        boolean newestIsLatest = releases.values().stream().allMatch(v -> SemVer.parse(v).compareTo(SemVer.parse(newest.version())) < 0);

        Map<Integer, List<List<String>>> insertions = new HashMap<>();
        Set<Integer> skipped = new HashSet<>();
        int unreleasedEnd = unreleased < 0 ? -1 : nextLevel2HeadingAfter(unreleased);
        int size = 0;
        for (int i = 0; i < lines.size(); i++) {
            size += lines.get(i).length() + ends.get(i).length();
        }
        for (ChangelogSection s : toAdd) {
            List<String> sectionLines = s.lines();
            for (String l : sectionLines) {
                size += l.length() + eol.length();
            }
            if (s == newest && newestIsLatest && unreleased >= 0) {
                List<String> handWritten = lines.subList(unreleased + 1, unreleasedEnd);
                if (handWritten.stream().anyMatch(l -> !l.isBlank())) {
                    sectionLines = withHandWritten(s, handWritten);
                    for (int i = unreleased + 1; i < unreleasedEnd; i++) {
                        skipped.add(i);
                    }
                }
            }
            insertions.computeIfAbsent(insertionPoint(SemVer.parse(s.version()), unreleasedEnd), k -> new ArrayList<>()).add(sectionLines);
        }

        Map<Integer, String> replaced = new HashMap<>();
        Map<Integer, List<String>> references = links == null ? Map.of() : linkReferences(toAdd, newest, newestIsLatest, links, replaced);

        for (List<String> block : references.values()) {
            for (String l : block) {
                size += l.length() + eol.length();
            }
        }
        StringBuilder out = new StringBuilder(size + 4 * eol.length() * (toAdd.size() + 1));
        boolean lastBlank = true;
        for (int i = 0; i <= lines.size(); i++) {
            List<List<String>> here = insertions.get(i);
            List<String> refs = references.get(i);
            if ((here != null || refs != null) && i > 0 && ends.get(i - 1).isEmpty()) {
                out.append(eol);
            }
            if (here != null) {
                for (List<String> section : here) {
                    if (!lastBlank) {
                        out.append(eol);
                    }
                    for (String l : section) {
                        out.append(l).append(eol);
                    }
                    lastBlank = false;
                }
                if (i < lines.size() && !lines.get(i).isBlank()) {
                    out.append(eol);
                    lastBlank = true;
                }
            }
            if (refs != null) {
                if (!lastBlank && linkBlock == lines.size() && (i == 0 || !LINK_REF.matcher(lines.get(i - 1)).matches())) {
                    out.append(eol);
                }
                for (String l : refs) {
                    out.append(l).append(eol);
                }
                lastBlank = false;
            }
            if (i == lines.size()) {
                break;
            }
            if (skipped.contains(i)) {
                continue;
            }
            String line = replaced.getOrDefault(i, lines.get(i));
            out.append(line).append(ends.get(i));
            lastBlank = line.isBlank();
        }
        return new Result(out.toString(), toAdd.stream().map(ChangelogSection::version).toList(), alreadyPresent, List.of());
    }

    private List<String> joined() {
        List<String> all = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            all.add(lines.get(i) + ends.get(i));
        }
        return all;
    }

    private int nextLevel2HeadingAfter(int index) {
        for (int h : level2Headings) {
            if (h > index) {
                return Math.min(h, linkBlock);
            }
        }
        for (int h : releases.keySet()) {
            if (h > index) {
                return Math.min(h, linkBlock);
            }
        }
        return linkBlock;
    }

    /**
     * Above the first release older than {@code version}; else at the end of the last release's
     * section (before a closing thematic break and whatever heading follows), after Unreleased, or
     * above the first section.
     */
    private int insertionPoint(SemVer version, int unreleasedEnd) {
        int last = -1;
        for (Map.Entry<Integer, String> r : releases.entrySet()) {
            if (r.getKey() < linkBlock && SemVer.parse(r.getValue()).compareTo(version) < 0) {
                return r.getKey();
            }
            if (r.getKey() < linkBlock) {
                last = r.getKey();
            }
        }
        if (last >= 0) {
            int end = nextLevel2HeadingAfter(last);
            int at = end;
            while (at > last + 1 && (lines.get(at - 1).isBlank() || THEMATIC_BREAK.matcher(lines.get(at - 1)).matches())) {
                at--;
            }
            // right after the section's last line, unless only blank lines lead to the next heading
            return at == end || at >= lines.size() ? end : firstNonBlankFrom(at);
        }
        if (unreleased >= 0) {
            return unreleasedEnd;
        }
        return level2Headings.stream().filter(h -> h < linkBlock).findFirst().orElse(linkBlock);
    }

    /** The new section with the lines that were under Unreleased merged in, subsection by subsection, theirs first. */
    private static List<String> withHandWritten(ChangelogSection section, List<String> handWritten) {
        List<String> preamble = new ArrayList<>();
        Map<String, List<String>> written = new LinkedHashMap<>();
        Map<String, String> writtenTitles = new HashMap<>();
        List<String> current = preamble;
        for (String line : handWritten) {
            Matcher h = HEADING.matcher(line);
            if (h.matches() && h.group(1).length() == 3) {
                String key = h.group(2).toLowerCase(Locale.ROOT);
                writtenTitles.putIfAbsent(key, h.group(2));
                current = written.computeIfAbsent(key, k -> new ArrayList<>());
            } else {
                current.add(line);
            }
        }
        List<String> order = new ArrayList<>();
        Map<String, List<String>> generated = new HashMap<>();
        for (ChangelogSection.Subsection s : section.subsections()) {
            String key = s.title().toLowerCase(Locale.ROOT);
            order.add(key);
            writtenTitles.putIfAbsent(key, s.title());
            generated.put(key, s.lines());
        }
        for (String key : written.keySet()) {
            if (!order.contains(key)) {
                int standard = indexOfStandard(key);
                int at = order.size();
                for (int i = 0; i < order.size() && standard >= 0; i++) {
                    int other = indexOfStandard(order.get(i));
                    if (other > standard) {
                        at = i;
                        break;
                    }
                }
                order.add(at, key);
            }
        }
        List<String> out = new ArrayList<>();
        out.add(section.heading());
        List<String> pre = trimBlank(preamble);
        if (!pre.isEmpty()) {
            out.add("");
            out.addAll(pre);
        }
        for (String key : order) {
            List<String> mine = trimBlank(written.getOrDefault(key, List.of()));
            List<String> theirs = generated.getOrDefault(key, List.of());
            out.add("");
            out.add("### " + writtenTitles.get(key));
            out.add("");
            out.addAll(mine);
            for (String l : theirs) {
                if (!mine.contains(l)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** The first line at or after {@code from} that is not blank (a thematic break, here), or the end. */
    private int firstNonBlankFrom(int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static int indexOfStandard(String lowerTitle) {
        if (lowerTitle.equalsIgnoreCase(ChangelogRules.BREAKING)) {
            return -1;
        }
        for (int i = 0; i < ChangelogRules.STANDARD_ORDER.size(); i++) {
            if (ChangelogRules.STANDARD_ORDER.get(i).equalsIgnoreCase(lowerTitle)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<String> trimBlank(List<String> list) {
        int from = 0;
        int to = list.size();
        while (from < to && list.get(from).isBlank()) {
            from++;
        }
        while (to > from && list.get(to - 1).isBlank()) {
            to--;
        }
        return list.subList(from, to);
    }

    /**
     * Where new link references go, as lines to write before an original line (the line count
     * for the end of the file), and into {@code replaced} the references whose address changes.
     */
    private Map<Integer, List<String>> linkReferences(List<ChangelogSection> toAdd, ChangelogSection newest, boolean newestIsLatest,
            RepositoryLinks links, Map<Integer, String> replaced) {
        Map<String, Integer> existing = new HashMap<>();
        Map<Integer, SemVer> versionRefs = new LinkedHashMap<>();
        // the references at the bottom, or else wherever the file keeps them (under a "Version Links" heading)
        boolean atBottom = false;
        for (int i = linkBlock; i < lines.size() && !atBottom; i++) {
            atBottom = LINK_REF.matcher(lines.get(i)).matches();
        }
        for (int i = atBottom ? linkBlock : 0; i < lines.size(); i++) {
            if (fencedLines.contains(i)) {
                continue;
            }
            Matcher m = LINK_REF.matcher(lines.get(i));
            if (m.matches()) {
                String label = m.group(1).toLowerCase(Locale.ROOT);
                existing.putIfAbsent(label, i);
                int line = i;
                SemVer.tryParse(label.startsWith("v") ? label.substring(1) : label).ifPresent(v -> versionRefs.put(line, v));
            }
        }
        Map<Integer, List<String>> before = new HashMap<>();
        if (newestIsLatest && unreleased >= 0 && newest.tag() != null) {
            String url = links.compare(newest.tag(), "HEAD");
            Integer at = existing.get("unreleased");
            if (at == null) {
                before.computeIfAbsent(linkBlock, k -> new ArrayList<>()).add("[Unreleased]: " + url);
            } else {
                Matcher m = LINK_REF.matcher(lines.get(at));
                if (m.matches()) {
                    replaced.put(at, lines.get(at).substring(0, m.start(2)) + url + m.group(3));
                }
            }
        }
        for (ChangelogSection s : toAdd) {
            if (s.tag() == null || existing.containsKey(s.version().toLowerCase(Locale.ROOT))) {
                continue;
            }
            SemVer version = SemVer.parse(s.version());
            String url = s.previousTag() == null ? links.tag(s.tag()) : links.compare(s.previousTag(), s.tag());
            int at = -1;
            for (Map.Entry<Integer, SemVer> ref : versionRefs.entrySet()) {
                if (ref.getValue().compareTo(version) < 0) {
                    at = ref.getKey();
                    break;
                }
            }
            if (at < 0) {
                int last = versionRefs.isEmpty() ? existing.getOrDefault("unreleased", -1) : versionRefs.keySet().stream().max(Integer::compare).get();
                at = last < 0 ? lines.size() : last + 1;
            }
            before.computeIfAbsent(at, k -> new ArrayList<>()).add("[" + s.version() + "]: " + url);
        }
        return before;
    }
}
