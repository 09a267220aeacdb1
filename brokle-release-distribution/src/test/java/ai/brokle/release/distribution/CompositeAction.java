package ai.brokle.release.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's action.yml, run as GitHub runs a composite action, for its {@code run} steps: each
 * in order with its env and working directory, the expressions it uses ({@code inputs.*},
 * {@code github.action_ref}, {@code steps.<id>.outputs.*}) evaluated, outputs read from the step's
 * GITHUB_OUTPUT file. Steps that use other actions (setup-java, cache) are GitHub's and are left out.
 */
final class CompositeAction {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([\\w-]+)\\.outputs(?:\\.([\\w-]+)|\\['([\\w-]+)'])");

    private final Path actionPath;
    private final JsonNode action;

    CompositeAction(Path actionPath) throws IOException {
        this.actionPath = actionPath;
        this.action = YAML.readTree(actionPath.resolve("action.yml").toFile());
    }

    JsonNode metadata() {
        return action;
    }

    /**
     * A workflow with the action's steps as one job, its inputs as workflow_call inputs and its
     * outputs as the job's: what actionlint can check of a composite action.
     */
    String asWorkflow() throws IOException {
        ObjectNode workflow = YAML.createObjectNode();
        ObjectNode call = workflow.putObject("on").putObject("workflow_call");
        ObjectNode inputs = call.putObject("inputs");
        action.path("inputs").fields().forEachRemaining(e -> {
            ObjectNode input = inputs.putObject(e.getKey());
            input.put("description", e.getValue().path("description").asText());
            input.put("required", e.getValue().path("required").asBoolean(false));
            input.put("type", "string");
            if (e.getValue().has("default")) {
                input.put("default", e.getValue().path("default").asText());
            }
        });
        ObjectNode outputs = call.putObject("outputs");
        workflow.putObject("permissions");
        ObjectNode job = workflow.putObject("jobs").putObject("run");
        job.put("runs-on", "ubuntu-latest");
        job.putObject("permissions").put("contents", "read");
        ObjectNode jobOutputs = job.putObject("outputs");
        action.path("outputs").fields().forEachRemaining(e -> {
            jobOutputs.put(e.getKey(), e.getValue().path("value").asText());
            outputs.putObject(e.getKey()).put("description", e.getValue().path("description").asText())
                    .put("value", "${{ jobs.run.outputs." + e.getKey() + " }}");
        });
        job.set("steps", action.path("runs").path("steps").deepCopy());
        return YAML.writeValueAsString(workflow);
    }

    /** Runs the run steps in {@code workspace}; returns the action's outputs. */
    Map<String, String> run(Map<String, String> inputs, String actionRef, Path workspace, Map<String, String> environment, Path scratch)
            throws IOException {
        Map<String, String> given = new HashMap<>();
        action.path("inputs").fields().forEachRemaining(e -> given.put(e.getKey(), inputs.getOrDefault(e.getKey(),
                e.getValue().path("default").asText(""))));
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        int index = 0;
        for (JsonNode step : action.path("runs").path("steps")) {
            index++;
            if (!step.has("run")) {
                continue;
            }
            Path output = Files.createFile(scratch.resolve("output-" + index));
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("GITHUB_ACTION_PATH", actionPath.toString());
            env.put("GITHUB_OUTPUT", output.toString());
            step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), evaluate(e.getValue().asText(), given, actionRef, stepOutputs)));
            Path dir = workspace.resolve(evaluate(step.path("working-directory").asText("."), given, actionRef, stepOutputs)).normalize();
            Tools.run(dir, env, Tools.BUILD_TIMEOUT_MINUTES, step.path("shell").asText(), "-c", step.path("run").asText());
            Map<String, String> written = new HashMap<>();
            for (String line : Files.readAllLines(output)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    written.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (step.has("id")) {
                stepOutputs.put(step.path("id").asText(), written);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        action.path("outputs").fields().forEachRemaining(e -> result.put(e.getKey(), evaluate(e.getValue().path("value").asText(), given,
                actionRef, stepOutputs)));
        return result;
    }

    /** The text with its expressions evaluated; an expression this runner does not know fails the test. */
    private static String evaluate(String text, Map<String, String> inputs, String actionRef, Map<String, Map<String, String>> steps) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "";
            for (String term : m.group(1).split("\\|\\|")) {
                value = term(term.strip(), inputs, actionRef, steps);
                if (!value.isEmpty()) {
                    break;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String term(String term, Map<String, String> inputs, String actionRef, Map<String, Map<String, String>> steps) {
        if (term.startsWith("inputs.")) {
            String name = term.substring("inputs.".length());
            if (!inputs.containsKey(name)) {
                throw new AssertionError("action.yml uses an input it does not declare: " + name);
            }
            return inputs.get(name);
        }
        if (term.equals("github.action_ref")) {
            return actionRef;
        }
        Matcher m = STEP_OUTPUT.matcher(term);
        if (m.matches()) {
            return steps.getOrDefault(m.group(1), Map.of()).getOrDefault(m.group(2) != null ? m.group(2) : m.group(3), "");
        }
        throw new AssertionError("an expression the test runner does not evaluate: " + term);
    }
}
