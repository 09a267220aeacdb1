package ai.brokle.release.publish.github;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.PublishConfig;
import ai.brokle.release.files.FileGlobs;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GitHub release of a tag: created as a draft with the release notes, its assets and checksum
 * file uploaded (each compared by digest, so a re-run uploads only what is missing or differs),
 * then made public. Done when the public release has every asset with the same digest.
 */
public final class GitHubReleaseStep implements Step {
    public static final String NAME = "github-release";

    private final ReleaseTarget target;
    private final GitHubClient github;
    private final boolean hasToken;
    private final String notes;
    private final Path workTree;
    private Map<String, Path> assets = Map.of();
    private final List<ReleaseTag> releases;
    private final ReleaseLog log;
    private String url;
    /** Name → bytes of every asset, the checksum file last; read once. */
    private Map<String, byte[]> files;

    /**
     * @param hasToken whether the client holds a token (without one, whether the release exists cannot be asked)
     * @param workTree where the asset globs of the configuration are matched
     * @param releases the component's release tags, to tell whether this release is the latest
     * @param url the release's web address as far as it is known before GitHub gives its own
     */
    public GitHubReleaseStep(ReleaseTarget target, GitHubClient github, boolean hasToken, String notes, Path workTree,
            List<ReleaseTag> releases, String url, ReleaseLog log) {
        this.target = target;
        this.github = github;
        this.hasToken = hasToken;
        this.notes = notes;
        this.workTree = workTree;
        this.releases = releases;
        this.url = url;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return target.repository() + " " + target.tag();
    }

    /** The release's web address: GitHub's own once it was found or published. */
    public String url() {
        return url;
    }

    /** The files of the configured asset globs, by name; a glob that matches nothing, or two files of one name, is a problem. */
    @Override
    public List<Check> check() {
        List<String> problems = new ArrayList<>();
        PublishConfig publish = target.component().publish();
        assets = FileGlobs.byName(workTree, publish.assets(), "githubRelease.assets", problems);
        if (publish.checksums() != null && assets.containsKey(publish.checksums())) {
            problems.add("githubRelease.checksums: an asset is already named " + publish.checksums() + "; name the checksum file otherwise");
        }
        List<Check> checks = new ArrayList<>(problems.stream().map(Check::problem).toList());
        if (!hasToken) {
            checks.add(Check.credential(GitHubTokens.MISSING));
        }
        return checks;
    }

    private Map<String, byte[]> files() {
        if (files != null) {
            return files;
        }
        files = new LinkedHashMap<>();
        StringBuilder sums = new StringBuilder();
        assets.forEach((name, path) -> {
            try {
                byte[] bytes = Files.readAllBytes(path);
                files.put(name, bytes);
                sums.append(sha256(bytes)).append("  ").append(name).append('\n');
            } catch (IOException e) {
                throw new ReleaseError("Cannot read the asset " + path + ": " + e.getMessage(), e);
            }
        });
        String checksums = target.component().publish().checksums();
        if (checksums != null && !files.isEmpty()) {
            files.put(checksums, sums.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Override
    public Status status(Journal journal) {
        if (!hasToken) {
            return Status.UNKNOWN;
        }
        Optional<GitHubRelease> release = github.findRelease(target.repository(), target.tag());
        if (release.isEmpty() || release.get().draft()) {
            return Status.TODO;
        }
        url = release.get().htmlUrl() == null ? url : release.get().htmlUrl();
        Map<String, String> present = digests(release.get().id());
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            if (!("sha256:" + sha256(f.getValue())).equals(present.get(f.getKey()))) {
                return Status.TODO;
            }
        }
        return Status.DONE;
    }

    private Map<String, String> digests(long releaseId) {
        Map<String, String> present = new LinkedHashMap<>();
        github.assets(target.repository(), releaseId).forEach(a -> present.put(a.name(), a.digest()));
        return present;
    }

    private GitHubRelease.Fields fields() {
        return new GitHubRelease.Fields(target.tag(), target.tag(), notes, target.version().isPrerelease());
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("[" + NAME + "] would create or update the release " + target.tag() + " of " + target.repository()
                + " as a draft (prerelease: " + target.version().isPrerelease() + "), upload " + files().keySet()
                + ", then publish it with make_latest " + makeLatest() + "; notes:\n" + notes.strip());
    }

    @Override
    public Effect execute() {
        String repository = target.repository();
        Optional<GitHubRelease> existing = github.findRelease(repository, target.tag());
        GitHubRelease release;
        if (existing.isPresent()) {
            release = github.update(repository, existing.get().id(), fields());
            log.info("[" + NAME + "] found the release " + target.tag() + " (id " + release.id() + "); notes updated");
        } else {
            release = github.createDraft(repository, fields());
            log.info("[" + NAME + "] created the draft release " + target.tag());
        }
        Map<String, GitHubRelease.Asset> present = new LinkedHashMap<>();
        github.assets(repository, release.id()).forEach(a -> present.put(a.name(), a));
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            String digest = "sha256:" + sha256(f.getValue());
            GitHubRelease.Asset asset = present.get(f.getKey());
            if (asset != null && digest.equals(asset.digest())) {
                log.info("[" + NAME + "] asset " + f.getKey() + " is there already");
                continue;
            }
            if (asset != null) {
                log.info("[" + NAME + "] asset " + f.getKey() + " differs (" + asset.digest() + "); replacing it");
                github.deleteAsset(repository, asset.id());
            }
            uploadOnce(release, f.getKey(), f.getValue(), digest);
            log.info("[" + NAME + "] uploaded " + f.getKey() + " (" + f.getValue().length + " bytes)");
        }
        GitHubRelease published = github.publish(repository, release.id(), makeLatest());
        url = published.htmlUrl() == null ? url : published.htmlUrl();
        log.info("[" + NAME + "] published " + url);
        return Effect.done(url);
    }

    /** Uploads an asset; when a lost answer hides an upload that went through, the asset found with the same digest is kept. */
    private void uploadOnce(GitHubRelease release, String name, byte[] bytes, String digest) {
        try {
            github.uploadAsset(release, name, bytes);
        } catch (GitHubException e) {
            String found = digests(release.id()).get(name);
            if (!digest.equals(found)) {
                throw e;
            }
        }
    }

    /** False for a pre-release and for a release below the component's highest stable one (a patch of an older line). */
    private boolean makeLatest() {
        SemVer version = target.version();
        if (version.isPrerelease()) {
            return false;
        }
        return releases.stream().map(ReleaseTag::version).noneMatch(v -> !v.isPrerelease() && v.compareTo(version) > 0);
    }
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
