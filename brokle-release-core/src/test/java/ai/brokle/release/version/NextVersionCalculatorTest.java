package ai.brokle.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextVersionCalculatorTest {
    private final NextVersionCalculator calculator = new NextVersionCalculator(VersionPolicy.defaults());

    private static SemVer v(String s) {
        return s == null ? null : SemVer.parse(s);
    }

    /** Decides with every listed version both existing and reachable, as on a linear history. */
    private VersionDecision decide(List<String> tags, Bump inferred, VersionRequest request) {
        List<SemVer> existing = new ArrayList<>();
        tags.forEach(t -> existing.add(v(t)));
        SemVer latest = existing.stream().max(SemVer::compareTo).orElse(null);
        SemVer stable = existing.stream().filter(x -> !x.isPrerelease()).max(SemVer::compareTo).orElse(null);
        return calculator.decide(latest, stable, existing, inferred, request);
    }

    private static VersionRequest channel(String channel) {
        return VersionRequest.fromProperties(null, channel, null);
    }

    private static VersionRequest bump(String bump) {
        return VersionRequest.fromProperties(bump, null, null);
    }

    @Test
    void stableBumpsFollowCommits() {
        assertEquals("2.0.0", decide(List.of("1.2.3"), Bump.MAJOR, VersionRequest.INFER).next().toString());
        assertEquals("1.3.0", decide(List.of("1.2.3"), Bump.MINOR, VersionRequest.INFER).next().toString());
        assertEquals("1.2.4", decide(List.of("1.2.3"), Bump.PATCH, VersionRequest.INFER).next().toString());
        VersionDecision none = decide(List.of("1.2.3"), Bump.NONE, VersionRequest.INFER);
        assertFalse(none.releases());
        assertNull(none.bump());
    }

    @Test
    void theWholePrereleaseCycleOfTheIssue() {
        List<String> tags = new ArrayList<>(List.of("1.2.0"));
        VersionDecision d = decide(tags, Bump.MINOR, channel("beta"));
        assertEquals("1.3.0-beta.1", d.next().toString());
        assertEquals("minor", d.bump());
        tags.add(d.next().toString());

        d = decide(tags, Bump.PATCH, channel("beta"));
        assertEquals("1.3.0-beta.2", d.next().toString(), "a fix after a beta of a minor keeps the minor line");
        assertEquals("prerelease", d.bump());
        tags.add(d.next().toString());

        d = decide(tags, Bump.NONE, channel("rc"));
        assertEquals("1.3.0-rc.1", d.next().toString());
        tags.add(d.next().toString());

        d = decide(tags, Bump.NONE, bump("promote"));
        assertEquals("1.3.0", d.next().toString());
        assertEquals("promote", d.bump());
    }

    @Test
    void nextPrereleaseNumberIsNumericNotTextual() {
        assertEquals("1.3.0-beta.12", decide(List.of("1.2.0", "1.3.0-beta.2", "1.3.0-beta.11"), Bump.PATCH, channel("beta")).next().toString());
    }

    @Test
    void prereleaseNumbersCountTagsThatAreNotReachable() {
        // beta.5 exists on another branch: the next beta must not collide with it
        VersionDecision d = calculator.decide(v("1.3.0-beta.2"), v("1.2.0"), List.of(v("1.2.0"), v("1.3.0-beta.2"), v("1.3.0-beta.5")),
                Bump.PATCH, channel("beta"));
        assertEquals("1.3.0-beta.6", d.next().toString());
    }

    @Test
    void breakingChangeDuringPrereleaseMovesTheTarget() {
        assertEquals("2.0.0-beta.1", decide(List.of("1.2.0", "1.3.0-beta.1"), Bump.MAJOR, channel("beta")).next().toString());
        assertEquals("1.3.0-beta.2", decide(List.of("1.2.0", "1.3.0-beta.1"), Bump.MINOR, channel("beta")).next().toString());
    }

    @Test
    void sameChannelWithoutNewCommitsReleasesNothing() {
        assertFalse(decide(List.of("1.2.0", "1.3.0-beta.1"), Bump.NONE, channel("beta")).releases());
        assertFalse(decide(List.of("1.2.0"), Bump.NONE, channel("beta")).releases());
    }

    @Test
    void stableReleaseAfterPrereleaseWithoutChannel() {
        VersionDecision d = decide(List.of("1.2.0", "1.3.0-rc.1"), Bump.PATCH, VersionRequest.INFER);
        assertEquals("1.3.0", d.next().toString());
        assertEquals("promote", d.bump());
        assertEquals("2.0.0", decide(List.of("1.2.0", "1.3.0-rc.1"), Bump.MAJOR, VersionRequest.INFER).next().toString());
    }

    @Test
    void goingBackToAnEarlierChannelIsRefused() {
        ReleaseFailure f = assertThrows(ReleaseFailure.class,
                () -> decide(List.of("1.2.0", "1.3.0-rc.1"), Bump.PATCH, channel("beta")));
        assertTrue(f.getMessage().contains("would give 1.3.0-beta.1, which is not above the latest release 1.3.0-rc.1"), f.getMessage());
        assertTrue(f.getMessage().contains("brokle.bump=promote"), f.getMessage());
    }

    @Test
    void majorZeroBreakingChangeBumpsMinorByDefault() {
        assertEquals("0.4.0", decide(List.of("0.3.2"), Bump.MAJOR, VersionRequest.INFER).next().toString());
        assertEquals("0.4.0-beta.1", decide(List.of("0.3.2"), Bump.MAJOR, channel("beta")).next().toString());
        NextVersionCalculator strict = new NextVersionCalculator(new VersionPolicy(VersionPolicy.DEFAULT_TYPE_BUMPS, Bump.MAJOR,
                VersionPolicy.DEFAULT_INITIAL_VERSION));
        assertEquals("1.0.0", strict.decide(v("0.3.2"), v("0.3.2"), List.of(v("0.3.2")), Bump.MAJOR, VersionRequest.INFER).next().toString());
        assertEquals("1.0.0", decide(List.of("0.3.2"), Bump.NONE, bump("major")).next().toString(), "an explicit major bump leaves 0.x");
    }

    @Test
    void forcedBumpsOverrideCommits() {
        assertEquals("2.0.0", decide(List.of("1.2.3"), Bump.PATCH, bump("major")).next().toString());
        assertEquals("1.3.0", decide(List.of("1.2.3"), Bump.NONE, bump("minor")).next().toString());
        assertEquals("1.2.4", decide(List.of("1.2.3"), Bump.MAJOR, bump("patch")).next().toString());
        assertEquals("1.3.0-beta.1", decide(List.of("1.2.3"), Bump.NONE, VersionRequest.fromProperties("minor", "beta", null)).next().toString());
    }

    @Test
    void promoteNeedsAPrerelease() {
        ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> decide(List.of("1.2.3"), Bump.NONE, bump("promote")));
        assertTrue(f.getMessage().contains("there is no pre-release to promote (latest release: 1.2.3)"), f.getMessage());
    }

    @Test
    void firstReleaseUsesTheInitialVersion() {
        assertEquals("0.1.0", decide(List.of(), Bump.PATCH, VersionRequest.INFER).next().toString());
        assertEquals("0.1.0-alpha.1", decide(List.of(), Bump.MINOR, channel("alpha")).next().toString());
        assertFalse(decide(List.of(), Bump.NONE, VersionRequest.INFER).releases());
    }

    @Test
    void explicitVersionMustBeGreater() {
        VersionDecision d = decide(List.of("1.2.3"), Bump.NONE, VersionRequest.fromProperties(null, null, "2.0.0"));
        assertEquals("2.0.0", d.next().toString());
        assertEquals("explicit", d.bump());
        ReleaseFailure f = assertThrows(ReleaseFailure.class,
                () -> decide(List.of("1.2.3"), Bump.MINOR, VersionRequest.fromProperties(null, null, "1.2.3")));
        assertTrue(f.getMessage().contains("brokle.releaseVersion 1.2.3 is not greater than the latest release 1.2.3"), f.getMessage());
        assertThrows(ReleaseFailure.class, () -> decide(List.of("1.2.3"), Bump.MINOR, VersionRequest.fromProperties(null, null, "1.2.3-rc.1")));
    }

    @Test
    void typeBumpsAreConfigurable() {
        VersionPolicy policy = new VersionPolicy(Map.of("feat", Bump.MINOR, "docs", Bump.PATCH), Bump.MINOR, SemVer.of(1, 0, 0));
        assertEquals(Bump.PATCH, policy.bumpForType("docs"));
        assertEquals(Bump.PATCH, policy.bumpForType("DOCS"));
        assertEquals(Bump.NONE, policy.bumpForType("fix"));
        assertEquals("1.0.0", new NextVersionCalculator(policy).decide(null, null, List.of(), Bump.PATCH, VersionRequest.INFER).next().toString());
    }

    @Test
    void badRequestsAreAllReportedTogether() {
        ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> VersionRequest.fromProperties("huge", "be ta", "1.2"));
        assertEquals(4, f.problems().size(), f.getMessage());
        assertTrue(f.getMessage().contains("brokle.bump: 'huge' is not a bump; use one of major, minor, patch, promote"));
        assertTrue(f.getMessage().contains("brokle.prerelease: 'be ta' is not a pre-release channel"));
        assertTrue(f.getMessage().contains("brokle.releaseVersion: '1.2' is not a SemVer 2.0.0 version"));
        assertThrows(ReleaseFailure.class, () -> VersionRequest.fromProperties(null, "42", null));
        assertThrows(ReleaseFailure.class, () -> VersionRequest.fromProperties("promote", "rc", null));
    }
}
