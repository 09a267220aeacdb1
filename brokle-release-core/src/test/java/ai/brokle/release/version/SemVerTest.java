package ai.brokle.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

    /** The valid examples of semver.org's regular expression test set. */
    @ParameterizedTest
    @ValueSource(strings = {"0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid",
        "1.0.0-alpha", "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-alpha.1", "1.0.0-alpha0.valid",
        "1.0.0-alpha.0valid", "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay", "1.0.0-rc.1+build.1",
        "2.0.0-rc.1+build.123", "1.2.3-beta", "10.2.3-DEV-SNAPSHOT", "1.2.3-SNAPSHOT-123", "1.0.0", "2.0.0", "1.1.7",
        "2.0.0+build.1848", "2.0.1-alpha.1227", "1.0.0-alpha+beta", "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
        "1.2.3----R-S.12.9.1--.12+meta", "1.2.3----RC-SNAPSHOT.12.9.1--.12", "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
        "99999999999999999999999.999999999999999999.99999999999999999", "1.0.0-0A.is.legal", "1.0.0+001"})
    void acceptsValidVersionsAndPrintsThemBack(String text) {
        SemVer v = SemVer.parse(text);
        assertEquals(text, v.toString());
        assertTrue(SemVer.tryParse(text).isPresent());
    }

    /** The invalid examples of semver.org's test set, and other near misses. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "1.2", "1.2.3-0123", "1.2.3-0123.0123", "1.1.2+.123", "+invalid", "-invalid",
        "-invalid+invalid", "-invalid.01", "alpha", "alpha.beta", "alpha.beta.1", "alpha.1", "alpha+beta", "alpha_beta",
        "alpha.", "alpha..", "beta", "1.0.0-alpha_beta", "-alpha.", "1.0.0-alpha..", "1.0.0-alpha..1", "1.0.0-alpha...1",
        "01.1.1", "1.01.1", "1.1.01", "1.2.3.DEV", "1.2-SNAPSHOT", "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788",
        "1.2-RC-SNAPSHOT", "-1.0.3-gamma+b7718", "+justmeta", "9.8.7+meta+meta", "9.8.7-whatever+meta+meta",
        "99999999999999999999999.999999999999999999.99999999999999999----RC-SNAPSHOT.12.09.1--------------------------------..12",
        "1.2.3.4", "v1.2.3", " 1.2.3", "1.2.3 ", "1.2.3-", "1.2.3+", "1..3", "1.2.", "", "1.2.3-beta.01", "1.2.3-β", "00.1.2"})
    void rejectsInvalidVersions(String text) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> SemVer.parse(text));
        assertTrue(e.getMessage().contains("is not a SemVer 2.0.0 version"), e.getMessage());
        assertFalse(SemVer.tryParse(text).isPresent());
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals("'01.2.3' is not a SemVer 2.0.0 version: the major number '01' has a leading zero",
                assertThrows(InvalidVersionException.class, () -> SemVer.parse("01.2.3")).getMessage());
        assertEquals("'1.2' is not a SemVer 2.0.0 version: expected MAJOR.MINOR.PATCH, found 2 part(s) in '1.2'",
                assertThrows(InvalidVersionException.class, () -> SemVer.parse("1.2")).getMessage());
        assertEquals("'1.2.3-rc.01' is not a SemVer 2.0.0 version: the numeric pre-release identifier '01' has a leading zero",
                assertThrows(InvalidVersionException.class, () -> SemVer.parse("1.2.3-rc.01")).getMessage());
        assertEquals("'1.2.3-a..b' is not a SemVer 2.0.0 version: the pre-release has an empty identifier",
                assertThrows(InvalidVersionException.class, () -> SemVer.parse("1.2.3-a..b")).getMessage());
    }

    /** Section 11's examples, in order, shuffled and sorted back. */
    @Test
    void ordersAsSection11() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        List<SemVer> versions = new ArrayList<>();
        ordered.forEach(t -> versions.add(SemVer.parse(t)));
        for (int seed = 0; seed < 20; seed++) {
            List<SemVer> shuffled = new ArrayList<>(versions);
            Collections.shuffle(shuffled, new Random(seed));
            Collections.sort(shuffled);
            assertEquals(versions, shuffled);
        }
        for (int i = 0; i + 1 < versions.size(); i++) {
            assertTrue(versions.get(i).compareTo(versions.get(i + 1)) < 0, versions.get(i) + " < " + versions.get(i + 1));
            assertTrue(versions.get(i + 1).compareTo(versions.get(i)) > 0);
        }
    }

    @Test
    void comparesNumericIdentifiersNumericallyAndBelowText() {
        assertTrue(SemVer.parse("1.0.0-beta.2").compareTo(SemVer.parse("1.0.0-beta.11")) < 0);
        assertTrue(SemVer.parse("1.0.0-11").compareTo(SemVer.parse("1.0.0-9")) > 0);
        assertTrue(SemVer.parse("1.0.0-99").compareTo(SemVer.parse("1.0.0-a")) < 0);
        assertTrue(SemVer.parse("1.0.0-Beta").compareTo(SemVer.parse("1.0.0-alpha")) < 0, "ASCII order: uppercase first");
        assertTrue(SemVer.parse("10.0.0").compareTo(SemVer.parse("9.0.0")) > 0);
        assertTrue(SemVer.parse("1.0.0-rc.1.1").compareTo(SemVer.parse("1.0.0-rc.1")) > 0);
        assertTrue(SemVer.parse("1.0.0-123456789012345678901").compareTo(SemVer.parse("1.0.0-99999999999999999999")) > 0);
    }

    @Test
    void ignoresBuildMetadataInPrecedence() {
        SemVer a = SemVer.parse("1.0.0+build.1");
        SemVer b = SemVer.parse("1.0.0+build.2");
        assertEquals(0, a.compareTo(b));
        assertTrue(a.samePrecedence(b));
        assertFalse(a.equals(b));
        assertEquals(0, SemVer.parse("1.0.0-rc.1+x").compareTo(SemVer.parse("1.0.0-rc.1")));
    }

    @Test
    void bumpsAndStripsPrerelease() {
        SemVer v = SemVer.parse("1.3.0-rc.2+b5");
        assertEquals("1.3.0", v.release().toString());
        assertEquals("2.0.0", v.nextMajor().toString());
        assertEquals("1.4.0", v.nextMinor().toString());
        assertEquals("1.3.1", v.nextPatch().toString());
        assertEquals("1.3.0-beta.1", SemVer.parse("1.3.0").withPrerelease(List.of("beta", "1")).toString());
    }
}
