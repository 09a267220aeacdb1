package ai.brokle.release;

import java.util.List;

/**
 * The user's input or the repository's state is wrong: a bad version, an invalid configuration,
 * a dirty tree, a tag that exists. Carries every problem found, each naming what to fix.
 */
public class ReleaseFailure extends ReleaseException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public ReleaseFailure(String message) {
        this(message, List.of(message));
    }

    public ReleaseFailure(String summary, List<String> problems) {
        this(summary, problems.stream().map(Problem::of).toList(), true);
    }

    private ReleaseFailure(String summary, List<Problem> problems, boolean located) {
        super(render(summary, problems.stream().map(Problem::text).toList()), null);
        this.problems = List.copyOf(problems);
    }

    /** A failure whose problems may name their file and line. */
    public static ReleaseFailure located(String summary, List<Problem> problems) {
        return new ReleaseFailure(summary, problems, true);
    }

    /** The problems' texts. */
    public List<String> problems() {
        return problems.stream().map(Problem::text).toList();
    }

    /** The problems with their file and line where they have one. */
    public List<Problem> located() {
        return problems;
    }

    private static String render(String summary, List<String> problems) {
        if (problems.size() == 1 && problems.get(0).equals(summary)) {
            return summary;
        }
        StringBuilder text = new StringBuilder(summary);
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
