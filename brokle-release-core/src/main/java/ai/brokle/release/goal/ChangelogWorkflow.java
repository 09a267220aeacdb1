package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changelog.ChangeHistory;
import ai.brokle.release.changelog.ChangelogFile;
import ai.brokle.release.changelog.ChangelogSection;
import ai.brokle.release.changelog.ReleaseChanges;
import ai.brokle.release.changelog.ReleaseHistory;
import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.planning.ComponentPlan;
import ai.brokle.release.planning.NextVersionPlanner;
import ai.brokle.release.version.SemVer;
import ai.brokle.release.version.VersionRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The {@code changelog} goal: a range of history as a Keep a Changelog section or as release
 * notes, or a whole changelog regenerated from every release tag; printed, written to a file, or
 * merged into an existing changelog without touching the rest of it.
 */
public final class ChangelogWorkflow {
    private final ChangelogOptions options;
    private final ReleaseLog log;
    private final List<String> problems = new ArrayList<>();

    public ChangelogWorkflow(ChangelogOptions options) {
        this.options = options;
        this.log = options.release().log();
    }

    /** @return the text printed or written */
    public String execute() {
        String format = blank(options.format()) ? ChangelogOptions.CHANGELOG : options.format().trim().toLowerCase(Locale.ROOT);
        if (!format.equals(ChangelogOptions.CHANGELOG) && !format.equals(ChangelogOptions.NOTES)) {
            problems.add("brokle.format: '" + options.format() + "' is not a format; use changelog (a Keep a Changelog section) or notes"
                    + " (release notes)");
        }
        if (options.full() && format.equals(ChangelogOptions.NOTES)) {
            problems.add("brokle.changelog.full regenerates a whole changelog, so it cannot be combined with brokle.format=notes");
        }
        if (options.full() && (!blank(options.from()) || !blank(options.to()))) {
            problems.add("brokle.changelog.full renders every release from its tags; leave out brokle.from and brokle.to");
        }
        ReleaseOptions common = options.release();
        VersionRequest request = null;
        try {
            request = VersionRequest.fromProperties(common.bump(), common.prerelease(), common.releaseVersion());
        } catch (ReleaseFailure e) {
            problems.addAll(e.problems());
        }
        Path output = options.output() == null ? null : common.baseDirectory().resolve(options.output());
        if (output != null && Files.isDirectory(output)) {
            problems.add("brokle.output: " + output + " is a directory; give a file, e.g. CHANGELOG.md or release-notes.md");
        }

        GitRepository.Location location = GitRepository.locate(common.baseDirectory());
        // the configuration is read while JGit opens the repository: both mostly load classes
        CompletableFuture<ReleaseConfig> reading = Concurrently.start(() -> ConfigLoader.load(location.workTree()));
        try (GitRepository git = GitRepository.open(location)) {
            ReleaseConfig config = Concurrently.join(reading);
            List<ComponentConfig> selected = config.select(common.component());
            if (selected.size() > 1) {
                problems.add("brokle.component: " + config.source() + " has " + selected.size() + " components; name the one whose changes"
                        + " to render (" + selected.stream().map(ComponentConfig::name).collect(Collectors.joining(", ")) + ")");
            }
            ComponentConfig component = selected.get(0);
            if (git.isShallow()) {
                problems.add("Cannot read the changes: " + NextVersionPlanner.SHALLOW_FIX);
            }
            if (git.head().isEmpty()) {
                problems.add("The repository has no commits yet: commit something first");
            }
            Optional<ObjectId> from = resolve(git, "brokle.from", options.from());
            Optional<ObjectId> to = resolve(git, "brokle.to", options.to());
            String template = format.equals(ChangelogOptions.NOTES) ? ReleaseHistory.template(location.workTree(), component, problems) : null;
            String existing = output != null && format.equals(ChangelogOptions.CHANGELOG) ? readExisting(output) : null;
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot render the changes (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")",
                        problems);
            }
            RepositoryLinks links = ReleaseHistory.links(config, git);
            ChangeHistory history = new ChangeHistory(git, component, links);
            String text;
            if (options.full()) {
                List<ChangelogSection> sections = new ArrayList<>();
                int releases = history.releases(changes -> sections.add(ChangelogSection.of(changes)));
                ChangelogFile.Result merged = ChangelogFile.merge(existing, sections, links);
                text = merged.text();
                log.info(component.name() + ": " + releases + " releases from the tags " + component.tagPrefix() + "*"
                        + (merged.alreadyPresent().isEmpty() ? "" : "; already in " + options.output() + ": " + merged.alreadyPresent().size()));
            } else {
                ReleaseChanges changes = range(git, history, component, config, request, from.orElse(null), to.orElse(null));
                // what is written: every entry in the notes; in a changelog only those a section takes (docs, chores and the like have none)
                int listed = format.equals(ChangelogOptions.NOTES) ? changes.entries().size() : ChangelogSection.of(changes).items();
                int unlisted = changes.entries().size() - (format.equals(ChangelogOptions.NOTES) ? listed : changes.changelogEntries());
                log.info(component.name() + " " + (changes.version() == null ? "unreleased changes" : changes.version()) + ": "
                        + listed + " change" + (listed == 1 ? "" : "s") + " listed since "
                        + (changes.previousTag() == null ? "the first commit" : changes.previousTag())
                        + (changes.leftOut() == 0 ? "" : ", " + changes.leftOut() + " commit" + (changes.leftOut() == 1 ? "" : "s")
                        + " left out (merges, release commits, exclusions, reverted pairs, not conventional)")
                        + (unlisted <= 0 ? "" : ", " + unlisted + " in no changelog section (their types have none: docs, chore, test, ...)"));
                if (format.equals(ChangelogOptions.NOTES)) {
                    text = ReleaseHistory.notes(template, component).render(changes);
                } else if (existing != null || output != null) {
                    boolean released = changes.version() != null && git.releaseTags(component.tagPrefixes()).stream()
                            .anyMatch(t -> t.version().toString().equals(changes.version()));
                    text = mergeInto(existing, changes, links, released);
                } else {
                    text = ChangelogSection.of(changes).render("\n");
                }
            }
            emit(output, text);
            return text;
        }
    }

    private ReleaseChanges range(GitRepository git, ChangeHistory history, ComponentConfig component, ReleaseConfig config,
            VersionRequest request, ObjectId from, ObjectId to) {
        List<ReleaseTag> tags = git.releaseTags(component.tagPrefixes());
        String toName = blank(options.to()) ? "HEAD" : options.to().trim();
        ObjectId end = to != null ? to : git.head().get();
        // a range ending at a release tag, by name or because it ends at the tag's commit, is that release
        Optional<ReleaseTag> endTag = tags.stream().filter(t -> t.name().equals(toName)).findFirst()
                .or(() -> tags.stream().filter(t -> end.equals(git.peeledCommit(t.name()))).max(java.util.Comparator.comparing(ReleaseTag::version)));
        ChangeHistory.End rangeEnd;
        SemVer target;
        if (endTag.isPresent()) {
            target = endTag.get().version();
            rangeEnd = new ChangeHistory.End(end, target.toString(), endTag.get().name(),
                    ChangeHistory.date(git.tagTime(endTag.get().name())), toName);
        } else if (end.equals(git.head().get())) {
            ComponentPlan plan = new NextVersionPlanner(git, config).plan(component, request);
            target = plan.nextVersion();
            rangeEnd = new ChangeHistory.End(end, target == null ? null : target.toString(), plan.tag(), today(), toName);
        } else {
            target = null;
            rangeEnd = new ChangeHistory.End(end, null, null, today(), toName);
        }
        ChangeHistory.Start start;
        if (from != null) {
            String fromName = options.from().trim();
            Optional<ReleaseTag> fromTag = tags.stream().filter(t -> t.name().equals(fromName)).findFirst();
            start = new ChangeHistory.Start(from, fromName, fromTag.map(t -> t.version().toString()).orElse(null));
        } else {
            start = ReleaseHistory.previousRelease(git, tags, end, target);
        }
        return history.range(start, rangeEnd);
    }

    /**
     * The changelog with the section of these changes: added, or regenerated while its version is
     * not released; with nothing releasable, the file keeps (or gets) its {@code [Unreleased]} section.
     */
    private String mergeInto(String existing, ReleaseChanges changes, RepositoryLinks links, boolean released) {
        if (changes.version() == null) {
            log.info("Nothing since " + (changes.previousTag() == null ? "the first commit" : changes.previousTag()) + " warrants a release,"
                    + " so " + options.output() + " gets no version section; its [Unreleased] section is " + (existing == null
                    || !ChangelogFile.withUnreleased(existing).equals(existing) ? "written" : "kept"));
            return ChangelogFile.withUnreleased(existing);
        }
        ChangelogFile.Result merged = ChangelogFile.merge(existing, List.of(ChangelogSection.of(changes)), links,
                released ? Set.of() : Set.of(changes.version()));
        if (!merged.refreshed().isEmpty()) {
            log.info(options.output() + ": the section for " + changes.version() + " (not released yet) is regenerated from the commits;"
                    + " lines written by hand are kept");
        } else if (!merged.changed()) {
            log.info(options.output() + " already has a section for " + changes.version() + (released ? ", a released version;" : ";")
                    + " left as it is");
        }
        return merged.text();
    }

    private Optional<ObjectId> resolve(GitRepository git, String property, String revision) {
        if (blank(revision)) {
            return Optional.empty();
        }
        Optional<ObjectId> id = git.head().isEmpty() ? Optional.empty() : git.resolveCommit(revision.trim());
        if (id.isEmpty()) {
            problems.add(property + ": '" + revision + "' names no commit in this repository; give a tag, a branch or a commit id"
                    + " (fetch tags with 'git fetch --tags' if it is a release)");
        }
        return id;
    }

    private String readExisting(Path output) {
        if (!Files.isRegularFile(output)) {
            return null;
        }
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("brokle.output: " + output + " cannot be read as UTF-8 text (" + e.getMessage() + "); the new section is merged"
                    + " into it, so it must be a Markdown changelog");
            return null;
        }
    }

    private String today() {
        return ReleaseHistory.today(options.release().environment());
    }

    private void emit(Path output, String text) {
        if (output == null) {
            options.out().print(text);
            options.out().flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + output.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot write " + output + ": " + e.getMessage(), e);
        }
        log.info("Written to " + output);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
