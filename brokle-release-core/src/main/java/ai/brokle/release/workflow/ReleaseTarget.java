package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.version.SemVer;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The release a CI job publishes: its tag (from {@code brokle.tag} or {@code GITHUB_REF}), the
 * component whose tag prefix it carries, its version and commit, and the GitHub repository it
 * belongs to. Every problem found is added to the caller's list, each naming what to fix.
 *
 * @param config the configuration
 * @param tag the release tag, e.g. v3.2.1
 * @param component the component it releases
 * @param version its version
 * @param commit the commit it names
 * @param repository the GitHub repository, owner/name
 * @param links the repository's web links
 */
record ReleaseTarget(ReleaseConfig config, String tag, ComponentConfig component, SemVer version, ObjectId commit, String repository,
        RepositoryLinks links) {

    static ReleaseTarget resolve(GitRepository git, ReleaseOptions options, String requestedTag, List<String> problems) {
        return resolve(git, options, requestedTag, true, problems);
    }

    /** As above; without {@code needsGitHub}, an unknown GitHub repository is no problem (repository is then null). */
    static ReleaseTarget resolve(GitRepository git, ReleaseOptions options, String requestedTag, boolean needsGitHub, List<String> problems) {
        ReleaseConfig config = null;
        try {
            config = ConfigLoader.load(git.workTree());
        } catch (ReleaseFailure e) {
            problems.addAll(e.problems());
        }
        String tag = requestedTag != null && !requestedTag.isBlank() ? requestedTag.trim() : null;
        if (tag == null) {
            String ref = options.env("GITHUB_REF");
            if (ref != null && ref.startsWith("refs/tags/")) {
                tag = ref.substring("refs/tags/".length());
            } else {
                problems.add("No release tag: give one with -Dbrokle.tag=v3.2.1, or run on a tag push (GITHUB_REF=refs/tags/<tag>)"
                        + (ref == null ? "" : "; GITHUB_REF is " + ref));
            }
        }
        if (config == null || tag == null) {
            return null;
        }
        ComponentConfig component = null;
        SemVer version = null;
        for (ComponentConfig c : config.components().stream().sorted(Comparator.comparingInt((ComponentConfig c) -> c.tagPrefix().length())
                .reversed()).toList()) {
            if (tag.startsWith(c.tagPrefix())) {
                Optional<SemVer> v = SemVer.tryParse(tag.substring(c.tagPrefix().length()));
                if (v.isPresent()) {
                    component = c;
                    version = v.get();
                    break;
                }
            }
        }
        if (component == null) {
            problems.add("The tag " + tag + " is not a release of any component: release tags are <tagPrefix><version>, and the prefixes in "
                    + config.source() + " are " + String.join(", ", config.components().stream().map(c -> "'" + c.tagPrefix() + "' ("
                            + c.name() + ")").toList()));
        }
        ObjectId commit = null;
        if (!git.hasLocalTag(tag)) {
            problems.add("The tag " + tag + " is not in this clone: fetch it ('git fetch --tags'; in GitHub Actions, actions/checkout with"
                    + " fetch-depth: 0)");
        } else {
            commit = git.peeledCommit(tag);
        }
        RepositoryLinks links = ChangelogWorkflow.links(config, git);
        String repository = config.github().repository();
        if (repository == null) {
            repository = fromWebAddress(links == null ? null : links.base());
        }
        if (repository == null && needsGitHub) {
            problems.add("The GitHub repository is unknown: set github.repository (owner/name) in " + ReleaseConfig.FILE_NAME
                    + ", or give remote '" + config.remote() + "' a GitHub URL");
        }
        return component == null ? null : new ReleaseTarget(config, tag, component, version, commit, repository, links);
    }

    /** owner/name from a web address such as https://github.com/brokle-ai/brokle; null when it is not one. */
    private static String fromWebAddress(String base) {
        if (base == null) {
            return null;
        }
        String[] parts = URI.create(base).getPath().replaceAll("^/+|/+$", "").split("/");
        return parts.length == 2 ? parts[0] + "/" + parts[1] : null;
    }
}
