package ai.brokle.release.config;

import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseFailure;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read with Jackson's streaming YAML parser into plain values: mappings are
 * {@code Map<String, Object>} in file order, sequences {@code List<Object>}, scalars {@code String}
 * (numbers as written), {@code Boolean} or null. The line of every key and item is kept for
 * messages. Streaming keeps a short release goal from loading Jackson's data-binding layer.
 */
final class YamlTree {
    private final Object root;
    private final Map<String, Integer> lines;

    private YamlTree(Object root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; syntax errors and duplicate keys fail with their line. */
    static YamlTree parse(String fileName, String text) {
        YAMLFactory factory = new YAMLFactory();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            Object root = parser.nextToken() == null ? null : new Reading(lines).value(parser, "");
            return new YamlTree(root, lines);
        } catch (UnsupportedAlias e) {
            throw ReleaseFailure.located("Invalid release configuration " + fileName, List.of(new Problem(fileName + ":" + e.line + ": "
                    + e.getMessage(), fileName, e.line)));
        } catch (JsonProcessingException e) {
            throw new ReleaseFailure("Invalid release configuration " + fileName, List.of(syntaxProblem(fileName, e)));
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from memory failed", e);
        }
    }

    /** One line: where the YAML goes wrong and what the parser expected there. */
    private static String syntaxProblem(String fileName, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
            Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return fileName + (mark == null ? "" : ":" + (mark.getLine() + 1)) + ": not valid YAML: " + context + yaml.getProblem();
        }
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().strip();
        int eol = message.indexOf('\n');
        return fileName + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr()) + ": not valid YAML: "
                + (eol < 0 ? message : message.substring(0, eol));
    }

    /** An alias (*name): the streaming parser gives its name, not the value it repeats, so it is refused rather than misread. */
    private static final class UnsupportedAlias extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        UnsupportedAlias(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** One pass over the tokens: values by key path, and each key's line. */
    private static final class Reading {
        private final Map<String, Integer> lines;

        Reading(Map<String, Integer> lines) {
            this.lines = lines;
        }

        Object value(JsonParser parser, String path) throws IOException {
            if (((YAMLParser) parser).isCurrentAlias()) {
                throw new UnsupportedAlias((path.isEmpty() ? "" : path + ": ") + "*" + parser.getText() + " repeats an anchored value, which"
                        + " this file does not support (it would be read as the text '" + parser.getText() + "'); write the value out",
                        parser.currentLocation().getLineNr());
            }
            switch (parser.currentToken()) {
                case START_OBJECT: {
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        String keyPath = path.isEmpty() ? key : path + "." + key;
                        lines.put(keyPath, parser.currentLocation().getLineNr());
                        parser.nextToken();
                        map.put(key, value(parser, keyPath));
                    }
                    return map;
                }
                case START_ARRAY: {
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                        String itemPath = path + "[" + i + "]";
                        lines.put(itemPath, parser.currentLocation().getLineNr());
                        list.add(value(parser, itemPath));
                    }
                    return list;
                }
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                default:
                    return parser.getText();
            }
        }
    }

    Object root() {
        return root;
    }

    /**
     * The line a key path (components.platform.tagPrefix, ...versionFiles[0]) is on; for a key that
     * is missing, the line of the nearest enclosing one; 0 when there is none.
     */
    int line(String path) {
        for (String p = path; !p.isEmpty(); p = p.substring(0, Math.max(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }
}
