package ai.brokle.release.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders a configured text may hold, checked when the configuration is
 * read and filled in at one place: in one pass, so that a value holding {@code {{…}}} itself is
 * never filled in again.
 */
public final class Placeholders {
    /** The release commit's message. */
    public static final Placeholders COMMIT_MESSAGE = new Placeholders(List.of("tags", "versions", "components"), List.of());
    /** update-submodules' commit message. */
    public static final Placeholders SUBMODULE_COMMIT_MESSAGE = new Placeholders(List.of("updates"), List.of("updates"));
    /** The text values of a dispatch's client payload. */
    public static final Placeholders DISPATCH_PAYLOAD = new Placeholders(List.of("version", "tag", "component"), List.of());

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    private final List<String> names;
    private final List<String> required;

    private Placeholders(List<String> names, List<String> required) {
        this.names = names;
        this.required = required;
    }

    /** The placeholders as written, {@code {{tags}}, {{versions}}, …}. */
    public List<String> written() {
        return names.stream().map(n -> "{{" + n + "}}").toList();
    }

    /** What is wrong with {@code text} as a template: a placeholder of another name, an unclosed one, or a required one missing. */
    public List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            found.add(m.group(1));
            if (!names.contains(m.group(1))) {
                problems.add("{{" + m.group(1) + "}} is not a placeholder here; use " + String.join(", ", written()));
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            problems.add("a placeholder is not closed; write them as " + String.join(", ", written()));
        }
        for (String name : required) {
            if (!found.contains(name)) {
                problems.add("{{" + name + "}} is missing");
            }
        }
        return problems;
    }

    /** {@code text} with each placeholder replaced by its value; a name without a value is left as written. */
    public String render(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = names.contains(m.group(1)) ? values.get(m.group(1)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
