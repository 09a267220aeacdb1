package ai.brokle.release.ci;

import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * What a goal tells GitHub Actions when it runs in a workflow ({@code GITHUB_ACTIONS=true}):
 * step outputs ({@code GITHUB_OUTPUT}), a job summary ({@code GITHUB_STEP_SUMMARY}), error
 * annotations on the file and line a problem names, and masks for secrets the tool derives (a token
 * read from settings.xml, say) so that the runner hides them wherever they would appear. Outside
 * Actions every method does nothing.
 */
public final class GitHubActions {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Map<String, String> environment;
    private final PrintStream out;

    public GitHubActions(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public boolean active() {
        return "true".equals(environment.get("GITHUB_ACTIONS"));
    }

    /** Asks the runner to hide {@code secret} in every log line from now on. */
    public void mask(String secret) {
        if (active() && secret != null && !secret.isBlank()) {
            out.println("::add-mask::" + secret);
        }
    }

    /** One error annotation per problem; a problem with a file and line is annotated there (without repeating them in the text). */
    public void errors(List<Problem> problems) {
        if (!active()) {
            return;
        }
        for (Problem problem : problems) {
            if (problem.file() != null && problem.line() > 0) {
                String prefix = problem.file() + ":" + problem.line() + ": ";
                String text = problem.text().startsWith(prefix) ? problem.text().substring(prefix.length()) : problem.text();
                out.println("::error file=" + escapeProperty(problem.file()) + ",line=" + problem.line() + "::" + escapeData(text));
            } else {
                out.println("::error::" + escapeData(problem.text()));
            }
        }
    }

    /** Appends step outputs (name=value lines; a value with a line break is written as a heredoc). */
    public void outputs(Map<String, String> values) {
        String file = environment.get("GITHUB_OUTPUT");
        if (file == null || file.isBlank()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> {
            if (v.contains("\n") || v.contains("\r")) {
                // a delimiter nobody can predict, so that no value can end the heredoc early and add outputs of its own
                String delimiter;
                do {
                    delimiter = "ghadelimiter_" + java.util.HexFormat.of().formatHex(RANDOM.generateSeed(16));
                } while (v.contains(delimiter));
                text.append(k).append("<<").append(delimiter).append('\n').append(v).append('\n').append(delimiter).append('\n');
            } else {
                text.append(k).append('=').append(v).append('\n');
            }
        });
        append(file, "GITHUB_OUTPUT", text.toString());
    }

    /** Appends Markdown to the job summary. */
    public void summary(String markdown) {
        String file = environment.get("GITHUB_STEP_SUMMARY");
        if (file != null && !file.isBlank()) {
            append(file, "GITHUB_STEP_SUMMARY", markdown.endsWith("\n") ? markdown : markdown + "\n");
        }
    }

    private static void append(String file, String variable, String text) {
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ReleaseError("Cannot append to " + file + " (" + variable + "): " + e.getMessage(), e);
        }
    }

    private static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
