package ai.brokle.release.publish.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.brokle.release.version.SemVer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ImageTagsTest {
    private static List<SemVer> versions(String... v) {
        return Stream.of(v).map(SemVer::parse).toList();
    }

    @Test
    void theHighestStableReleaseGetsEveryTag() {
        assertEquals(List.of("3.2.0", "3.2", "3", "latest"), ImageTags.of(SemVer.parse("3.2.0"), versions("3.1.4", "3.2.0", "2.9.9")));
        assertEquals(List.of("1.0.0", "1.0", "1", "latest"), ImageTags.of(SemVer.parse("1.0.0"), versions()));
    }

    @Test
    void aPatchOfAnOlderLineMovesOnlyItsMinorTag() {
        assertEquals(List.of("3.1.5", "3.1"), ImageTags.of(SemVer.parse("3.1.5"), versions("3.1.4", "3.2.0", "3.1.5")));
        // the highest of major 2 while 3.x exists: 2.x moves, latest does not
        assertEquals(List.of("2.9.10", "2.9", "2"), ImageTags.of(SemVer.parse("2.9.10"), versions("2.9.9", "3.2.0")));
        // an older patch of a minor line that has a higher patch moves nothing but its own tag
        assertEquals(List.of("3.1.3"), ImageTags.of(SemVer.parse("3.1.3"), versions("3.1.4", "3.2.0")));
    }

    @Test
    void preReleasesGetOnlyTheirOwnTagAndDoNotHoldBackStableOnes() {
        assertEquals(List.of("4.0.0-rc.1"), ImageTags.of(SemVer.parse("4.0.0-rc.1"), versions("3.2.0")));
        assertEquals(List.of("3.2.0", "3.2", "3", "latest"), ImageTags.of(SemVer.parse("3.2.0"), versions("4.0.0-rc.1", "3.2.0-beta.2")));
    }

    @Test
    void buildMetadataIsWrittenAsTagsAllowIt() {
        assertEquals(List.of("1.2.3_build.5", "1.2", "1", "latest"), ImageTags.of(SemVer.parse("1.2.3+build.5"), versions("1.2.3+build.5")));
    }
}
