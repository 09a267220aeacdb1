package ai.brokle.release.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.version.VersionRequest;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextVersionPlannerTest {
    @TempDir
    Path dir;

    private static final String THREE_COMPONENTS = "components:\n"
            + "  platform:\n    path: .\n    tagPrefix: v\n"
            + "  python:\n    path: sdk/python\n    tagPrefix: python-v\n"
            + "  js:\n    path: sdk/javascript\n    tagPrefix: js-v\n";

    private List<ComponentPlan> plan(Path repo, String component, VersionRequest request) {
        try (GitRepository git = GitRepository.open(repo)) {
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            return new NextVersionPlanner(git, config).plan(config.select(component), request);
        }
    }

    private ComponentPlan only(Path repo) {
        return plan(repo, null, VersionRequest.INFER).get(0);
    }

    @Test
    void prefixesSideBySideAndPathScoping() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", THREE_COMPONENTS);
            repo.commit("chore: set up");
            repo.annotatedTag("v3.2.0");
            repo.commitIn("sdk/python", "feat: python thing");
            repo.lightweightTag("python-v1.2.3");
            repo.commitIn("sdk/javascript", "fix: js thing");
            repo.annotatedTag("js-v0.5.0");
            // tags that are not releases of any component
            repo.lightweightTag("v3.3");
            repo.lightweightTag("v03.3.0");
            repo.lightweightTag("v3.3.0.1");
            repo.lightweightTag("release-3.4.0");
            repo.commitIn("sdk/python", "fix(python): retry");
            repo.commitIn("web", "feat(web): dashboard");
            repo.commitIn("sdk/javascript", "feat(js)!: new client");

            List<ComponentPlan> plans = plan(dir, null, VersionRequest.INFER);
            ComponentPlan platform = plans.get(0);
            assertEquals("3.2.0", platform.currentVersion().toString());
            assertEquals("v3.2.0", platform.currentTag());
            assertEquals("4.0.0", platform.nextVersion().toString(), "path '.' owns every commit, the SDKs' breaking one too");
            assertEquals(5, platform.commits());
            ComponentPlan python = plans.get(1);
            assertEquals("1.2.3", python.currentVersion().toString());
            assertEquals("1.2.4", python.nextVersion().toString());
            assertEquals("python-v1.2.4", python.tag());
            assertEquals(1, python.commits());
            assertEquals("fix(python): retry", python.decidingCommit().header());
            ComponentPlan js = plans.get(2);
            assertEquals("0.5.0", js.currentVersion().toString());
            assertEquals("0.6.0", js.nextVersion().toString(), "breaking while 0.x bumps the minor");
            assertEquals("js-v0.6.0", js.tag());
            assertEquals(1, js.commits());
        }
    }

    @Test
    void platformAtRootSeesBreakingChangesAnywhere() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("chore: start");
            repo.lightweightTag("v3.2.0");
            repo.commitIn("sdk/javascript", "feat(js)!: new client");
            ComponentPlan p = only(dir);
            assertEquals("4.0.0", p.nextVersion().toString());
            assertEquals("major", p.bump());
        }
    }

    @Test
    void latestReleaseIsHighestPrecedenceNotNewest() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: a");
            repo.lightweightTag("v2.0.0");
            repo.commit("fix: backport");
            repo.annotatedTag("v1.9.1"); // newer, but lower
            repo.commit("fix: b");
            ComponentPlan p = only(dir);
            assertEquals("2.0.0", p.currentVersion().toString());
            assertEquals("2.0.1", p.nextVersion().toString());
            assertEquals(2, p.commits(), "commits since v2.0.0");
        }
    }

    @Test
    void tagsOnOtherBranchesDoNotCount() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: a");
            repo.lightweightTag("v1.0.0");
            repo.checkoutNewBranch("experiment");
            repo.commit("feat: on a branch");
            repo.annotatedTag("v5.0.0");
            repo.checkout("main");
            repo.commit("fix: on main");
            ComponentPlan p = only(dir);
            assertEquals("1.0.0", p.currentVersion().toString());
            assertEquals("1.0.1", p.nextVersion().toString());
        }
    }

    @Test
    void lightweightAndAnnotatedTagsBothCount() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: a");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat: b");
            assertEquals("1.0.0", only(dir).currentVersion().toString());
            repo.lightweightTag("v1.1.0");
            repo.commit("fix: c");
            ComponentPlan p = only(dir);
            assertEquals("1.1.0", p.currentVersion().toString());
            assertEquals("1.1.1", p.nextVersion().toString());
        }
    }

    @Test
    void prereleaseTagsInHistory() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: a");
            repo.lightweightTag("v1.2.0");
            repo.commit("feat: b");
            ComponentPlan beta1 = plan(dir, null, VersionRequest.fromProperties(null, "beta", null)).get(0);
            assertEquals("1.3.0-beta.1", beta1.nextVersion().toString());
            assertTrue(beta1.prerelease());
            repo.lightweightTag(beta1.tag());
            repo.commit("fix: c");
            ComponentPlan beta2 = plan(dir, null, VersionRequest.fromProperties(null, "beta", null)).get(0);
            assertEquals("1.3.0-beta.1", beta2.currentVersion().toString());
            assertEquals("1.3.0-beta.2", beta2.nextVersion().toString());
            assertEquals(1, beta2.commits());
            repo.annotatedTag(beta2.tag());
            ComponentPlan rc = plan(dir, null, VersionRequest.fromProperties(null, "rc", null)).get(0);
            assertEquals("1.3.0-rc.1", rc.nextVersion().toString());
            repo.lightweightTag(rc.tag());
            ComponentPlan stable = plan(dir, null, VersionRequest.fromProperties("promote", null, null)).get(0);
            assertEquals("1.3.0", stable.nextVersion().toString());
            assertFalse(stable.prerelease());
        }
    }

    @Test
    void nothingToReleaseGivesNulls() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: a");
            repo.lightweightTag("v1.0.0");
            repo.commit("docs: readme");
            repo.commit("chore: tidy");
            repo.commit("Update something");
            ComponentPlan p = only(dir);
            assertEquals("1.0.0", p.currentVersion().toString());
            assertNull(p.nextVersion());
            assertNull(p.tag());
            assertNull(p.bump());
            assertNull(p.decidingCommit());
            assertEquals(3, p.commits());
        }
    }

    @Test
    void noReleaseYet() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            ComponentPlan p = only(dir);
            assertNull(p.currentVersion());
            assertEquals("0.1.0", p.nextVersion().toString());
            assertEquals("v0.1.0", p.tag());
        }
    }

    @Test
    void typeBumpMapIsConfigurable() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "versioning:\n  bumps:\n    feat: minor\n    docs: patch\n"
                    + "components:\n  app:\n    tagPrefix: v\n");
            repo.commit("chore: config");
            repo.lightweightTag("v1.0.0");
            repo.commit("docs: guide");
            ComponentPlan p = only(dir);
            assertEquals("1.0.1", p.nextVersion().toString());
            repo.commit("fix: no longer bumps");
            assertEquals("1.0.1", only(dir).nextVersion().toString());
        }
    }

    @Test
    void decidingCommitIsTheOneWithTheHighestBump() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("chore: a");
            repo.lightweightTag("v1.0.0");
            repo.commit("fix: one");
            RevCommit feat = repo.commit("feat(api): two (#7)");
            repo.commit("fix: three");
            ComponentPlan p = only(dir);
            assertEquals(feat.name(), p.decidingCommit().hash());
            assertEquals("minor", p.bump());
            assertEquals(3, p.commits());
        }
    }

    @Test
    void readsOnlyTheCommitsSinceTheLatestRelease() {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 300; i++) {
                repo.commit("fix: old " + i);
                if (i % 50 == 0) {
                    repo.lightweightTag("v1." + (i / 50) + ".0");
                }
            }
            repo.lightweightTag("v2.0.0");
            for (int i = 0; i < 200; i++) {
                repo.commit(i == 100 ? "feat: new" : "fix: new " + i);
            }
            try (GitRepository git = GitRepository.open(dir)) {
                NextVersionPlanner planner = new NextVersionPlanner(git, ConfigLoader.load(dir));
                ComponentConfig component = ConfigLoader.load(dir).components().get(0);
                ComponentPlan p = planner.plan(component, VersionRequest.INFER);
                assertEquals("2.1.0", p.nextVersion().toString());
                assertEquals(200, p.commits());
                assertEquals(200, planner.commitsParsed());
            }
        }
    }

    @Test
    void shallowCloneIsRefusedWithTheFix(@TempDir Path clone) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 5; i++) {
                repo.commit("fix: " + i);
            }
            repo.lightweightTag("v1.0.0");
            repo.commit("feat: x");
        }
        Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call().close();
        ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> plan(clone, null, VersionRequest.INFER));
        assertTrue(f.getMessage().contains("shallow clone"), f.getMessage());
        assertTrue(f.getMessage().contains("fetch-depth: 0"), f.getMessage());
        assertTrue(f.getMessage().contains("git fetch --unshallow --tags"), f.getMessage());
    }

    @Test
    void explicitVersionNeedsOneComponent() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", THREE_COMPONENTS);
            repo.commit("feat: a");
            ReleaseFailure f = assertThrows(ReleaseFailure.class,
                    () -> plan(dir, null, VersionRequest.fromProperties(null, null, "1.0.0")));
            assertTrue(f.getMessage().contains("name one with brokle.component"), f.getMessage());
            assertEquals("1.0.0", plan(dir, "python", VersionRequest.fromProperties(null, null, "1.0.0")).get(0).nextVersion().toString());
        }
    }

    @Test
    void unknownComponentNamesTheKnownOnes() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", THREE_COMPONENTS);
            repo.commit("feat: a");
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> plan(dir, "go", VersionRequest.INFER));
            assertTrue(f.getMessage().contains("there is no component 'go'"), f.getMessage());
            assertTrue(f.getMessage().contains("known components: platform, python, js"), f.getMessage());
        }
    }

    @Test
    void emptyRepositoryAndNoRepository(@TempDir Path empty) {
        try (TestRepo repo = TestRepo.init(dir)) {
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> only(dir));
            assertTrue(f.getMessage().contains("no commits yet"), f.getMessage());
        }
        ReleaseFailure none = assertThrows(ReleaseFailure.class, () -> only(empty));
        assertTrue(none.getMessage().contains("No git repository"), none.getMessage());
    }

    @Test
    void aRevertInTheSameRangeCancelsTheVersionEffectOfWhatItReverts() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  platform:\n    path: .\n    tagPrefix: v\n");
            repo.commitAll("chore(release): v1.2.0");
            repo.annotatedTag("v1.2.0");
            org.eclipse.jgit.revwalk.RevCommit feat = repo.commit("feat: experiment");
            repo.commit("fix: real fix");
            repo.commit("Revert \"feat: experiment\"\n\nThis reverts commit " + feat.name() + ".");
        }
        ComponentPlan plan = only(dir);
        assertEquals("1.2.1", plan.nextVersion().toString(), "the reverted feat no longer makes a minor release");
        assertEquals("fix: real fix", plan.decidingCommit().header());

        try (TestRepo repo = TestRepo.open(dir)) {
            repo.commit("Revert \"Revert \"feat: experiment\"\"\n\nThis reverts commit "
                    + repo.git().getRepository().resolve("HEAD").name() + ".");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("1.3.0", only(dir).nextVersion().toString(), "reverting the revert brings the feat back");
    }

    /** The Python SDK as its maintainers have it: brokle/version.py at 0.4.0 and v* tags, then configured with python-v as the guide says. */
    private void pythonSdk(String previousTagPrefixes) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  python:\n    path: .\n    tagPrefix: python-v\n" + previousTagPrefixes
                    + "    versionFiles:\n      - path: brokle/version.py\n");
            repo.write("brokle/version.py", "__version__ = \"0.3.3\"\n");
            repo.commitAll("chore(release): 0.3.3");
            repo.lightweightTag("v0.3.3");
            repo.commit("feat(client): add context helpers and defer wrapper client resolution");
            repo.write("brokle/version.py", "__version__ = \"0.4.0\"\n");
            repo.commitAll("chore(release): 0.4.0");
            repo.lightweightTag("v0.4.0");
            repo.commit("fix(sdk): align Python SDK with OTEL GenAI semantic conventions");
        }
    }

    @Test
    void aVersionIsNeverProposedBelowWhatTheVersionFilesHold() {
        pythonSdk("");
        ComponentPlan plan = only(dir);
        assertEquals("0.4.0", plan.currentVersion().toString(), "version.py holds 0.4.0: not 'none'");
        assertEquals(null, plan.currentTag());
        assertTrue(plan.nextVersion().compareTo(plan.currentVersion()) > 0, "never 0.1.0 over 0.4.0: " + plan.nextVersion());
        assertEquals("0.5.0", plan.nextVersion().toString(), "the feat in its history, read from the start (0.x: minor)");

        ReleaseFailure lower = assertThrows(ReleaseFailure.class, () -> plan(dir, null, VersionRequest.fromProperties(null, null,
                "0.3.9")));
        assertTrue(lower.getMessage().contains("0.3.9 is not greater than the latest release 0.4.0"), lower.getMessage());
    }

    @Test
    void tagsUnderAnEarlierPrefixAreEarlierReleases() {
        pythonSdk("    previousTagPrefixes: [v]\n");
        ComponentPlan plan = only(dir);
        assertEquals("0.4.0", plan.currentVersion().toString());
        assertEquals("v0.4.0", plan.currentTag());
        assertEquals(1, plan.commits(), "the commits since v0.4.0");
        assertEquals("0.4.1", plan.nextVersion().toString());
        assertEquals("python-v0.4.1", plan.tag(), "the next tag has the new prefix");
    }

    @Test
    void aWorkspaceWhosePackagesHoldAReleasedVersionDoesNotReleaseItAgain() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  js:\n    path: .\n    tagPrefix: js-v\n    versionFiles:\n      - path: package.json\n");
            repo.write("package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"0.1.0\"\n}\n");
            repo.commitAll("chore: release brokle@0.1.0");
            repo.lightweightTag("brokle@0.1.0");
            repo.commit("fix: retry on 429");
        }
        ComponentPlan plan = only(dir);
        assertEquals("0.1.0", plan.currentVersion().toString());
        assertEquals("0.1.1", plan.nextVersion().toString(), "0.1.0 is out already (as brokle@0.1.0)");
    }

    @Test
    void aPep440TagIsNamedInAWarningWithTheSemVerTagToUse() {
        pythonSdk("    previousTagPrefixes: [v]\n");
        try (TestRepo repo = TestRepo.open(dir)) {
            repo.lightweightTag("v0.1.0a1");
            repo.lightweightTag("v1.2");
            repo.lightweightTag("very-old");
        }
        try (GitRepository git = GitRepository.open(dir)) {
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            List<String> warnings = new NextVersionPlanner(git, config).uncountedTags(config.components().get(0));
            assertEquals(List.of("Tag v0.1.0a1 looks like a release of component 'python' but 0.1.0a1 is not a SemVer version, so it is not"
                    + " counted as one (it is PEP 440 for 0.1.0-alpha.1; if it was a release, tag its commit v0.1.0-alpha.1 too)",
                    "Tag v1.2 looks like a release of component 'python' but 1.2 is not a SemVer version, so it is not counted as one"),
                    warnings, "a tag whose name does not go on with a digit is no version: very-old is left alone");
        }
    }

    private String refusal(String channel) {
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> plan(dir, null, VersionRequest.fromProperties(null, channel, null)));
        return e.getMessage();
    }

    @Test
    void pythonChannelsWhosePep440ReadingIsNotAPreReleaseInSemVersPlaceAreRefused() {
        pythonSdk("    previousTagPrefixes: [v]\n");
        assertTrue(refusal("post").contains("Component 'python' is a Python package and 0.4.1-post.1 cannot be its version: 'post' is a"
                + " post-release in PEP 440"), refusal("post"));
        assertTrue(refusal("preview").contains("the pre-release 'preview.1' has no PEP 440 reading in SemVer's order"), refusal("preview"));
        assertTrue(refusal("snapshot").contains("the pre-release 'snapshot.1' has no PEP 440 reading"), refusal("snapshot"));
        // alpha, beta, rc and a first dev stay
        for (String channel : List.of("alpha", "beta", "rc", "dev")) {
            assertEquals("0.4.1-" + channel + ".1", plan(dir, null, VersionRequest.fromProperties(null, channel, null)).get(0).nextVersion().toString());
        }
        try (TestRepo repo = TestRepo.open(dir)) {
            repo.lightweightTag("python-v0.4.1-beta.1");
            repo.commit("fix: more");
        }
        // SemVer puts dev.1 above beta.1; PEP 440 puts 0.4.1.dev1 below 0.4.1b1
        assertTrue(refusal("dev").contains("'dev' comes before every alpha, beta and rc in PEP 440, and 0.4.1-beta.1 was released already"),
                refusal("dev"));
        assertEquals("0.4.1-rc.1", plan(dir, null, VersionRequest.fromProperties(null, "rc", null)).get(0).nextVersion().toString());
    }

    @Test
    void anExplicitVersionWithANumericPreReleaseIsRefusedForAPythonComponent() {
        // a channel of digits is refused for every component; an explicit version can still start its pre-release with a number
        pythonSdk("");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> plan(dir, null, VersionRequest.fromProperties(null, null, "0.5.0-1")));
        assertTrue(e.getMessage().contains("0.5.0-1 cannot be its version: its pre-release starts with a number, which PEP 440 cannot read"),
                e.getMessage());
    }

    @Test
    void theRefusalsAgreeWithPythonPackaging() {
        // the oracle: packaging's order of the PEP 440 forms against SemVer's order of the tags
        String out = ai.brokle.release.testing.Python.run("from pip._vendor.packaging.version import Version as V\n"
                + "print(V('0.4.1.post0') > V('0.4.1'), V('0.4.1.dev0') < V('0.4.1b0'), V('0.4.1a0') < V('0.4.1b0') < V('0.4.1rc0') < V('0.4.1'))");
        assertEquals("True True True", out);
        assertTrue(ai.brokle.release.version.SemVer.parse("0.4.1-post.0").compareTo(ai.brokle.release.version.SemVer.parse("0.4.1")) < 0);
        assertTrue(ai.brokle.release.version.SemVer.parse("0.4.1-dev.0").compareTo(ai.brokle.release.version.SemVer.parse("0.4.1-beta.0")) > 0);
    }
}
