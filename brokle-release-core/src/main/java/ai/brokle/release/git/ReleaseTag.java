package ai.brokle.release.git;

import ai.brokle.release.version.SemVer;

/** A tag that is exactly a component's prefix followed by a valid SemVer version. */
public record ReleaseTag(String name, SemVer version) {
}
