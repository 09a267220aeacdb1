package ai.brokle.release.publish;

import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.version.SemVer;
import java.net.URI;
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
public record ReleaseTarget(ReleaseConfig config, String tag, ComponentConfig component, SemVer version, ObjectId commit, String repository,
        RepositoryLinks links) {

    /** owner/name from a web address such as https://github.com/brokle-ai/brokle; null when it is not one. */
    public static String fromWebAddress(String base) {
        if (base == null) {
            return null;
        }
        String[] parts = URI.create(base).getPath().replaceAll("^/+|/+$", "").split("/");
        return parts.length == 2 ? parts[0] + "/" + parts[1] : null;
    }
}
