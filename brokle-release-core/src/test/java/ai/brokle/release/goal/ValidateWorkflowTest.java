package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.testing.BareRemote;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateWorkflowTest {
    @TempDir
    Path tmp;

    private static final String CONFIG = "components:\n"
            + "  platform:\n    path: .\n    tagPrefix: v\n    changelog: CHANGELOG.md\n    versionFiles:\n"
            + "      - path: web/package.json\n"
            + "      - path: web/src/constants/VERSION.ts\n        pattern: 'export const VERSION = \"v{{version}}\";'\n"
            + "  python:\n    path: sdk/python\n    tagPrefix: python-v\n    versionFiles:\n      - path: sdk/python/brokle/version.py\n";

    private final RecordingLog log = new RecordingLog();

    /** A released repository whose files agree with its tags, pushed to a bare remote it tracks. */
    private TestRepo releasedRepo(Path work, Path bare) throws Exception {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        TestRepo repo = TestRepo.init(work);
        repo.write(".brokle-release.yml", CONFIG);
        repo.write("web/package.json", "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n");
        repo.write("web/src/constants/VERSION.ts", "export const VERSION = \"v1.0.0\";\n");
        repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n- everything\n");
        repo.write("sdk/python/brokle/version.py", "__version__ = \"0.2.9\"\n");
        repo.commitAll("chore: release platform 1.0.0 and python 0.2.9");
        repo.annotatedTag("v1.0.0");
        repo.lightweightTag("python-v0.2.9");
        repo.commitIn("web", "feat(web): dashboard");
        repo.git().remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
        repo.git().push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).setPushTags().call();
        StoredConfig config = repo.git().getRepository().getConfig();
        config.setString("branch", "main", "remote", "origin");
        config.setString("branch", "main", "merge", "refs/heads/main");
        config.save();
        repo.git().fetch().setRemote("origin").call();
        return repo;
    }

    /** Validates expecting a failure, and gives its problems one per line. */
    private String problemsOf(Path work) {
        return String.join("\n", assertThrows(ReleaseFailure.class, () -> validate(work)).problems());
    }

    private void validate(Path work) {
        new ValidateWorkflow(ReleaseOptions.of(work).withLog(log)).execute();
    }

    private void pushFromAnotherClone(Path bare, List<String> commits, String tag) {
        BareRemote.pushFromAnotherClone(bare.toUri().toString(), tmp.resolve("other"), commits, tag);
    }

    @Test
    void passesOnAReleasableRepository() throws Exception {
        Path work = tmp.resolve("work");
        try (TestRepo repo = releasedRepo(work, tmp.resolve("remote.git"))) {
            validate(work);
            assertTrue(log.lines().contains("Release validation passed"), log.lines().toString());
        }
    }

    @Test
    void reportsEveryProblemInOneFailure() throws Exception {
        Path work = tmp.resolve("work");
        Path bare = tmp.resolve("remote.git");
        try (TestRepo repo = releasedRepo(work, bare)) {
            pushFromAnotherClone(bare, List.of("docs: elsewhere"), "v1.1.0");
            repo.git().fetch().setRemote("origin").setTagOpt(org.eclipse.jgit.transport.TagOpt.NO_TAGS).call();
            // files out of step with the release, and a dirty tree
            repo.write("web/package.json", "{\n  \"name\": \"web\",\n  \"version\": \"0.9.0\"\n}\n");
            repo.write("CHANGELOG.md", "# Changelog\n\n## [0.9.0]\n");
            repo.write("sdk/python/brokle/version.py", "VERSION = '0.2.9'\n");
            repo.write("notes.txt", "untracked\n");
            repo.commitAll("chore: break things");
            repo.write("notes2.txt", "untracked\n");
            repo.checkoutNewBranch("feature");

            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> validate(work));
            String all = String.join("\n", f.problems());
            assertTrue(all.contains("The work tree has uncommitted changes (notes2.txt)"), all);
            assertTrue(all.contains("The current branch is 'feature' but releases are made from 'main'"), all);
            assertTrue(all.contains("The next tag of component 'platform', v1.1.0, already exists on remote origin"), all);
            assertTrue(all.contains("web/package.json holds 0.9.0 but the current release is 1.0.0 (tag v1.0.0); set it to 1.0.0"), all);
            assertTrue(all.contains("CHANGELOG.md has no entry for the current release 1.0.0"), all);
            assertTrue(all.contains("sdk/python/brokle/version.py: has no line __version__ = \"...\""), all);
            assertEquals(6, f.problems().size(), all);
            assertTrue(f.getMessage().startsWith("Release validation failed with 6 problems"), f.getMessage());
        }
    }

    @Test
    void branchBehindItsUpstream() throws Exception {
        Path work = tmp.resolve("work");
        Path bare = tmp.resolve("remote.git");
        try (TestRepo repo = releasedRepo(work, bare)) {
            pushFromAnotherClone(bare, List.of("fix: elsewhere", "fix: elsewhere again"), null);
            repo.git().fetch().setRemote("origin").call();
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> validate(work));
            assertEquals(List.of("Branch 'main' is 2 commits behind its upstream: bring it up to date first ('git pull --rebase')"),
                    f.problems());
        }
    }

    @Test
    void detachedHeadAndReleaseBranchOverride() throws Exception {
        Path work = tmp.resolve("work");
        try (TestRepo repo = releasedRepo(work, tmp.resolve("remote.git"))) {
            repo.git().checkout().setName(repo.git().getRepository().resolve("HEAD").name()).call();
            String detached = problemsOf(work);
            assertTrue(detached.contains("HEAD is detached, not on the release branch 'main'"), detached);
            repo.checkoutNewBranch("release/1.x");
            ReleaseFailure g = assertThrows(ReleaseFailure.class, () -> validate(work));
            assertTrue(g.getMessage().contains("or change releaseBranch in .brokle-release.yml"), g.getMessage());
            new ValidateWorkflow(ReleaseOptions.of(work).withReleaseBranch("release/1.x")).execute();
        }
    }

    @Test
    void onATagPushTheTaggedCommitMustBeOnTheReleaseBranch() throws Exception {
        Path work = tmp.resolve("work");
        try (TestRepo repo = releasedRepo(work, tmp.resolve("remote.git"))) {
            repo.git().checkout().setName("v1.0.0").call();
            Map<String, String> tagPush = Map.of("GITHUB_REF", "refs/tags/v1.0.0");
            new ValidateWorkflow(ReleaseOptions.of(work).withEnvironment(tagPush).withLog(log)).execute();
            assertTrue(log.lines().contains("HEAD is the tag v1.0.0 (GITHUB_REF), a commit of the release branch 'main'"), log.lines().toString());

            // a tag on a commit that main does not hold
            repo.checkoutNewBranch("experiment");
            repo.commitIn("web", "feat(web): experiment");
            repo.annotatedTag("v1.1.0-rc.1");
            repo.git().checkout().setName("v1.1.0-rc.1").call();
            ReleaseFailure off = assertThrows(ReleaseFailure.class, () -> new ValidateWorkflow(ReleaseOptions.of(work)
                    .withEnvironment(Map.of("GITHUB_REF", "refs/tags/v1.1.0-rc.1")).withLog(log)).execute());
            assertTrue(off.getMessage().contains("The tag v1.1.0-rc.1 (GITHUB_REF) is not on the release branch 'main'"), off.getMessage());
        }
    }

    @Test
    void localTagThatHeadDoesNotReach() throws Exception {
        Path work = tmp.resolve("work");
        try (TestRepo repo = releasedRepo(work, tmp.resolve("remote.git"))) {
            repo.checkoutNewBranch("side");
            repo.commit("chore: side");
            repo.lightweightTag("v1.1.0");
            repo.checkout("main");
            String all = problemsOf(work);
            assertTrue(all.contains("v1.1.0, already exists locally but is not reachable from HEAD"), all);
            assertTrue(all.contains("git tag -d v1.1.0"), all);
        }
    }

    @Test
    void invalidConfigurationIsReportedWithTheRest() throws Exception {
        Path work = tmp.resolve("work");
        try (TestRepo repo = releasedRepo(work, tmp.resolve("remote.git"))) {
            repo.write(".brokle-release.yml", "components:\n  a:\n    tagPrefx: v\n");
            repo.checkoutNewBranch("dev");
            String all = problemsOf(work);
            assertTrue(all.contains(".brokle-release.yml:3: components.a.tagPrefx: unknown key"), all);
            assertTrue(all.contains("uncommitted changes (.brokle-release.yml)"), all);
            assertTrue(all.contains("The current branch is 'dev'"), all);
            ReleaseFailure failure = assertThrows(ReleaseFailure.class, () -> validate(work));
            assertTrue(failure.located().contains(new Problem(".brokle-release.yml:3: components.a.tagPrefx: unknown key; allowed here: path,"
                    + " tagPrefix, previousTagPrefixes, versionFiles, changelog, releaseNotes, images, versioning, githubRelease, dispatch, notify, pypi, npm",
                    ".brokle-release.yml", 3)), "the configuration problem keeps its file and line in the goal's report: " + failure.located());
            assertTrue(failure.located().stream().filter(p -> p.text().contains("The current branch is 'dev'")).allMatch(p -> p.file() == null));
        }
    }

    @Test
    void anUnreachableRemoteIsReportedWithoutItsCredentials() throws Exception {
        Path work = tmp.resolve("work");
        try (TestRepo repo = releasedRepo(work, tmp.resolve("remote.git"))) {
            StoredConfig config = repo.git().getRepository().getConfig();
            // nothing listens on port 1 of the loopback address: the connection is refused at once
            config.setString("remote", "origin", "url", "http://release-bot:s3cr3t-t0ken@127.0.0.1:1/brokle.git");
            config.save();
            ReleaseFailure f = assertThrows(ReleaseFailure.class,
                    () -> new ValidateWorkflow(ReleaseOptions.of(work).withEnvironment(java.util.Map.of("GITHUB_TOKEN", "ghs_env_secret")))
                            .execute());
            String all = String.join("\n", f.problems());
            assertTrue(all.contains("Cannot list the refs of remote origin (http://127.0.0.1:1/brokle.git)"), all);
            assertTrue(all.contains("check the remote's URL and credentials"), all);
            assertTrue(!all.contains("s3cr3t") && !all.contains("release-bot") && !all.contains("ghs_env_secret"), all);
        }
    }

    @Test
    void shallowCloneIsAProblem() throws Exception {
        Path work = tmp.resolve("work");
        Path bare = tmp.resolve("remote.git");
        try (TestRepo repo = releasedRepo(work, bare)) {
            Path shallow = tmp.resolve("shallow");
            Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(shallow.toFile()).setDepth(1).call().close();
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> validate(shallow));
            assertTrue(f.getMessage().contains("The repository is a shallow clone"), f.getMessage());
            assertTrue(f.getMessage().contains("fetch-depth: 0"), f.getMessage());
        }
    }
}
