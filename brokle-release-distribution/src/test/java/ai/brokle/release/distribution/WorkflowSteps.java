package ai.brokle.release.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of one job of a workflow, run in order as a runner would: each {@code run} script in
 * bash with the step's env, its expressions replaced by the values given (an unknown one fails the
 * test, so that nothing runs with a blank). {@code uses} steps are the runner's set-up (checkout,
 * Java, the cache, the App token), whose results the test provides.
 */
final class WorkflowSteps {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    private final JsonNode steps;

    private WorkflowSteps(JsonNode steps) {
        this.steps = steps;
    }

    static WorkflowSteps read(Path workflow, String job) throws IOException {
        JsonNode steps = YAML.readTree(Files.readString(workflow)).path("jobs").path(job).path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            throw new AssertionError(workflow + " has no steps in job " + job);
        }
        return new WorkflowSteps(steps);
    }

    /** Runs the run steps in {@code dir}; returns their scripts as run. A step that fails fails the test with its output. */
    List<String> run(Path dir, Map<String, String> env, Map<String, String> expressions) {
        List<String> ran = new ArrayList<>();
        for (JsonNode step : steps) {
            if (!step.has("run")) {
                continue;
            }
            if (step.has("if") && step.path("if").asText().startsWith("hashFiles(")) {
                Matcher file = Pattern.compile("hashFiles\\('([^']+)'\\)").matcher(step.path("if").asText());
                if (file.find() && !Files.exists(dir.resolve(file.group(1)))) {
                    continue;
                }
            }
            Map<String, String> stepEnv = new HashMap<>(env);
            step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), substitute(e.getValue().asText(), expressions)));
            String script = substitute(step.path("run").asText(), expressions);
            Tools.run(dir, stepEnv, Tools.BUILD_TIMEOUT_MINUTES, "bash", "-e", "-c", script);
            ran.add(script);
        }
        return ran;
    }

    private static String substitute(String text, Map<String, String> expressions) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = expressions.get(m.group(1));
            if (value == null) {
                throw new AssertionError("The workflow uses ${{ " + m.group(1) + " }}, which this test does not provide");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
