package ai.brokle.release.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The kinds of step a user leaves out, read from a comma-separated property value. */
public final class Skips {
    private Skips() {
    }

    /**
     * The kinds named in {@code value}; one that is not among {@code kinds} is a problem naming
     * {@code property}. Blank or {@code false} names none.
     */
    public static Set<String> parse(String value, String property, String goal, List<String> kinds, List<String> problems) {
        Set<String> skipped = new LinkedHashSet<>();
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return skipped;
        }
        for (String s : value.split(",")) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!kinds.contains(name)) {
                problems.add(property + ": '" + s.trim() + "' is not a step of " + goal + "; the steps are " + String.join(", ", kinds));
            }
            skipped.add(name);
        }
        return skipped;
    }
}
