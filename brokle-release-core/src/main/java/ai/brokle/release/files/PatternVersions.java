package ai.brokle.release.files;

import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.version.SemVer;
import java.util.List;
import java.util.regex.Matcher;

/** The version in any text file, where a {@code {{version}}} pattern says; it must occur exactly as often as configured. */
final class PatternVersions {
    private PatternVersions() {
    }

    static VersionFileUpdater.Result update(VersionFileUpdater files, VersionFileConfig file, SemVer version) {
        String text = files.read(file.path());
        Matcher m = VersionFileReader.compile(file.pattern()).matcher(text);
        TextEdits edits = new TextEdits(text);
        int count = 0;
        while (m.find()) {
            edits.replace(m.start(1), m.end(1), version.toString());
            count++;
        }
        if (count != file.matches()) {
            return VersionFileUpdater.Result.problem(file.path() + ": the pattern '" + file.pattern() + "' occurs " + count + " time"
                    + (count == 1 ? "" : "s") + ", expected " + file.matches() + (count == 0 ? "; fix the pattern or the file"
                    : "; make the pattern match only the version to change, or set 'matches: " + count + "' in versionFiles"));
        }
        return VersionFileUpdater.Result.of(List.of(new FileChange(file.path(), text, edits.apply())));
    }
}
