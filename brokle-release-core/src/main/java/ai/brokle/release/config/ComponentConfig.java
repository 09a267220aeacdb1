package ai.brokle.release.config;

import java.util.List;

/**
 * One releasable component of a repository.
 *
 * @param name the name used on the command line ({@code brokle.component}) and in plans
 * @param path directory, relative to the repository root, whose commits belong to it ("" for all)
 * @param tagPrefix text before the version in its release tags: v, python-v, js-v
 * @param versionFiles files that carry its version
 * @param changelog its changelog file and how commits become entries
 * @param releaseNotes how its release notes are written
 * @param images container image repositories it publishes, without tag (ghcr.io/brokle-ai/brokle-server)
 * @param versioning what decides its next version: conventional commits, or the change files of its npm workspace
 * @param publish what perform does from its release tags: GitHub release assets, dispatches, notifications
 * @param previousTagPrefixes prefixes its release tags had before {@code tagPrefix} (v, when the SDK
 *     moved into the platform as python-v): those tags count as its earlier releases
 */
public record ComponentConfig(String name, String path, String tagPrefix, List<VersionFileConfig> versionFiles,
        ChangelogConfig changelog, ReleaseNotesConfig releaseNotes, List<String> images, Versioning versioning, PublishConfig publish,
        List<String> previousTagPrefixes) {

    /** What decides a component's next version. */
    public enum Versioning {
        /** Conventional commits since its latest release. */
        COMMITS,
        /** Change files in {@code .changeset/} at its path (Changesets), which also version each package of its workspace. */
        CHANGESETS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A component with no changelog rules, release-notes settings or images of its own, versioned by commits. */
    public ComponentConfig(String name, String path, String tagPrefix, List<VersionFileConfig> versionFiles, String changelogPath) {
        this(name, path, tagPrefix, versionFiles, ChangelogConfig.at(changelogPath), ReleaseNotesConfig.defaults(), List.of(), Versioning.COMMITS,
                PublishConfig.defaults(), List.of());
    }

    /** The prefixes of its release tags: {@code tagPrefix}, then {@code previousTagPrefixes}. */
    public List<String> tagPrefixes() {
        List<String> all = new java.util.ArrayList<>();
        all.add(tagPrefix);
        all.addAll(previousTagPrefixes);
        return List.copyOf(all);
    }

    public boolean changesets() {
        return versioning == Versioning.CHANGESETS;
    }

    public String tagFor(Object version) {
        return tagPrefix + version;
    }

    /** The path as users wrote it, for messages: "." for the whole repository. */
    public String displayPath() {
        return path.isEmpty() ? "." : path;
    }

    /** Its changelog file relative to the repository root, or null. */
    public String changelogPath() {
        return changelog.path();
    }
}
