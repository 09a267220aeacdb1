package ai.brokle.release.publish.image;

import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The tags a release's image is pushed under. Its full version always; for a stable version that is
 * the highest stable release of its minor line, also {@code MAJOR.MINOR}; of its major line, also
 * {@code MAJOR}; of all, also {@code latest}. So a patch of an older line (3.1.5 after 3.2.0) moves
 * {@code 3.1} but neither {@code 3} nor {@code latest}, and a pre-release moves nothing. Build
 * metadata, which tags cannot hold ({@code +}), is written with {@code _}.
 */
public final class ImageTags {
    public static final String LATEST = "latest";

    private ImageTags() {
    }

    /** The tags for {@code version}, given every released version of the component (it may be among them). */
    public static List<String> of(SemVer version, Collection<SemVer> released) {
        List<String> tags = new ArrayList<>();
        tags.add(version.toString().replace('+', '_'));
        if (version.isPrerelease()) {
            return tags;
        }
        boolean topOfMinor = true;
        boolean topOfMajor = true;
        boolean top = true;
        for (SemVer other : released) {
            if (other.isPrerelease() || other.compareTo(version) <= 0) {
                continue;
            }
            top = false;
            if (other.major().equals(version.major())) {
                topOfMajor = false;
                if (other.minor().equals(version.minor())) {
                    topOfMinor = false;
                }
            }
        }
        if (topOfMinor) {
            tags.add(version.major() + "." + version.minor());
        }
        if (topOfMajor) {
            tags.add(version.major().toString());
        }
        if (top) {
            tags.add(LATEST);
        }
        return tags;
    }
}
