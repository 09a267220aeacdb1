package ai.brokle.release.goal;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What the {@code changelog} goal is asked, besides the common options.
 *
 * @param release the common options (component; bump, prerelease, releaseVersion name the next version)
 * @param from {@code brokle.from}: where the range starts (excluded); blank for the latest release
 * @param to {@code brokle.to}: where it ends; blank for HEAD
 * @param format {@code brokle.format}: changelog or notes; blank for changelog
 * @param output {@code brokle.output}: the file to write, or null for {@code out}
 * @param full {@code brokle.changelog.full}: a whole changelog, one section per release tag
 * @param out where the text goes when there is no output file
 */
public record ChangelogOptions(ReleaseOptions release, String from, String to, String format, Path output, boolean full, PrintStream out) {
    public static final String CHANGELOG = "changelog";
    public static final String NOTES = "notes";

    public static ChangelogOptions of(ReleaseOptions release, PrintStream out) {
        return new ChangelogOptions(release, null, null, null, null, false, out);
    }

    public ChangelogOptions withRange(String fromValue, String toValue) {
        return new ChangelogOptions(release, fromValue, toValue, format, output, full, out);
    }

    public ChangelogOptions withFormat(String value) {
        return new ChangelogOptions(release, from, to, value, output, full, out);
    }

    public ChangelogOptions withOutput(Path value) {
        return new ChangelogOptions(release, from, to, format, value, full, out);
    }

    public ChangelogOptions withFull(boolean value) {
        return new ChangelogOptions(release, from, to, format, output, value, out);
    }
}
