package ai.brokle.release.submodules;

import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.config.SubmoduleConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.SubmoduleLinks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A submodule of the platform that pins an SDK: its settings, its remote's URL (resolved, and masked
 * for messages) and the commit HEAD records for it.
 *
 * @param config its settings (configured, or the defaults)
 * @param url the SDK remote's URL, resolved; null when .gitmodules gives none
 * @param recorded the commit HEAD's gitlink points at; null when there is none (not initialised)
 */
public record Submodule(SubmoduleConfig config, String url, ObjectId recorded) {
    public String path() {
        return config.path();
    }

    public String shownUrl() {
        return SubmoduleLinks.masked(url);
    }

    /** The submodules to work on: the configured ones (each must be in .gitmodules), else every one of .gitmodules, as of {@code commit}. */
    public static List<Submodule> read(GitRepository git, ReleaseConfig config, ObjectId commit, String only, List<String> problems) {
        SubmoduleLinks links = new SubmoduleLinks(git);
        List<SubmoduleLinks.Declared> declared = links.declared(commit);
        List<SubmoduleConfig> wanted = new ArrayList<>(config.submodules());
        if (wanted.isEmpty()) {
            declared.forEach(d -> wanted.add(SubmoduleConfig.defaults(d.path())));
        }
        List<Submodule> out = new ArrayList<>();
        for (SubmoduleConfig c : wanted) {
            Optional<SubmoduleLinks.Declared> d = declared.stream().filter(x -> x.path().equals(c.path())).findFirst();
            if (d.isEmpty()) {
                problems.add("submodules." + c.path() + ": .gitmodules declares no submodule at " + c.path() + " (it declares "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.stream().map(SubmoduleLinks.Declared::path).toList()))
                        + "); fix the path in " + ReleaseConfig.FILE_NAME);
                continue;
            }
            if (only != null && !only.isBlank() && !c.path().equals(only.trim()) && !c.sdk().equals(only.trim())) {
                continue;
            }
            String url = d.get().url() == null ? null : links.resolveUrl(d.get().url());
            out.add(new Submodule(c, url, links.recorded(commit, c.path()).orElse(null)));
        }
        if (only != null && !only.isBlank() && out.isEmpty() && problems.isEmpty()) {
            problems.add("brokle.submodule: '" + only.trim() + "' is not a submodule here; the submodules are "
                    + String.join(", ", wanted.stream().map(SubmoduleConfig::path).toList()));
        }
        return out;
    }

    /** Fetches the SDK's tags and branches into the platform's cache for this submodule. */
    public SdkRemote fetch(GitRepository git, Credentials credentials) {
        Path cache = git.gitDirectory().resolve("brokle-release").resolve("submodules").resolve(path().replace('/', '-') + ".git");
        return SdkRemote.fetch(cache, url, shownUrl(), config.tagPrefix(), GitCredentials.of(credentials));
    }
}
