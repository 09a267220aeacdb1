package ai.brokle.release.changelog;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The changes of one release, as {@code changelog}, {@code prepare} and {@code perform} all see
 * them: where the range starts (the previous release reachable from its end), the repository's
 * links, the release notes template, the notes themselves, and the date a release carries.
 */
public final class ReleaseHistory {
    private ReleaseHistory() {
    }

    /**
     * The start of the range ending at {@code end}: the latest release tag reachable from it below
     * {@code target} (a stable target skips pre-releases), else the beginning of history.
     */
    public static ChangeHistory.Start previousRelease(GitRepository git, List<ReleaseTag> tags, ObjectId end, SemVer target) {
        boolean stableTarget = target != null && !target.isPrerelease();
        Optional<ReleaseTag> previous = git.latestReachableFrom(end, tags,
                v -> (target == null || v.compareTo(target) < 0) && (!stableTarget || !v.isPrerelease()));
        return previous.map(t -> new ChangeHistory.Start(git.peeledCommit(t.name()), t.name(), t.version().toString()))
                .orElse(ChangeHistory.Start.BEGINNING);
    }

    /**
     * The changes of one release: the component's commits from the previous release reachable from
     * {@code end} up to {@code end}, released as {@code tag} ({@code version}) on {@code date}.
     */
    public static ReleaseChanges release(GitRepository git, ComponentConfig component, RepositoryLinks links, ObjectId end, SemVer version,
            String tag, String date) {
        ChangeHistory.Start start = previousRelease(git, git.releaseTags(component.tagPrefixes()), end, version);
        return new ChangeHistory(git, component, links).range(start, new ChangeHistory.End(end, version.toString(), tag, date, tag));
    }

    /** The component's release notes template, or null for the default one; a missing or unreadable file is a problem. */
    public static String template(Path root, ComponentConfig component, List<String> problems) {
        String path = component.releaseNotes().template();
        if (path == null) {
            return null;
        }
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            problems.add("components." + component.name() + ".releaseNotes.template: " + path + " does not exist; create it or fix the"
                    + " path in " + ReleaseConfig.FILE_NAME);
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("components." + component.name() + ".releaseNotes.template: " + path + " cannot be read as UTF-8 text ("
                    + e.getMessage() + ")");
            return null;
        }
    }

    /** The notes template compiled: the component's own, or the default when {@code template} is null. */
    public static ReleaseNotes notes(String template, ComponentConfig component) {
        return template == null ? ReleaseNotes.defaultTemplate() : ReleaseNotes.compile(template, component.releaseNotes().template());
    }

    /** The repository's web links: the configured repositoryUrl, else the remote's URL; null when neither gives one. */
    public static RepositoryLinks links(ReleaseConfig config, GitRepository git) {
        if (config.repositoryUrl() != null) {
            return RepositoryLinks.of(config.repositoryUrl());
        }
        return RepositoryLinks.fromRemote(git.remoteUrl(config.remote()));
    }

    /** Today's date for a release heading, or the date of SOURCE_DATE_EPOCH when the environment sets it (reproducible builds). */
    public static String today(Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        long seconds = Instant.now().getEpochSecond();
        if (epoch != null) {
            try {
                seconds = Long.parseLong(epoch.trim());
            } catch (NumberFormatException e) {
                throw new ReleaseFailure("SOURCE_DATE_EPOCH: '" + epoch + "' is not a number of seconds since 1970-01-01");
            }
        }
        return ChangeHistory.date(seconds);
    }
}
