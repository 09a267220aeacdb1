package ai.brokle.release.plan;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.UnknownOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The steps of a goal, in order, and the one way they run. {@link #problems} asks every step to
 * check itself before anything changes; {@link #run} then takes each step in turn: skipped, found
 * done, simulated (a dry run) or executed and recorded in the journal. Whether this is a dry run
 * is known here and nowhere in the steps.
 */
public final class Plan {
    private final List<Step> steps;
    private final Set<String> skipped;
    private final String skipProperty;
    private final Journal journal;
    private final ReleaseLog log;

    /**
     * @param steps the steps, in the order they run
     * @param skipped the kinds of step to leave out ({@link Skips})
     * @param skipProperty the property that names them, for the log
     * @param journal where completed steps are recorded
     */
    public Plan(List<Step> steps, Set<String> skipped, String skipProperty, Journal journal, ReleaseLog log) {
        this.steps = List.copyOf(steps);
        this.skipped = Set.copyOf(skipped);
        this.skipProperty = skipProperty;
        this.journal = journal;
        this.log = log;
    }

    /** A plan of steps that nothing skips. */
    public Plan(List<Step> steps, Journal journal, ReleaseLog log) {
        this(steps, Set.of(), "", journal, log);
    }

    /** One row of the summary: a step and what became of it. */
    public record Outcome(String step, String result, String target) {
    }

    /**
     * Every reason the steps cannot run, from each step that is not skipped. A missing credential
     * is a problem for a real run; a dry run goes on without it and says what it would need.
     */
    public List<String> problems(Mode mode) {
        List<String> problems = new ArrayList<>();
        for (Step step : steps) {
            if (!skipped.contains(step.kind())) {
                admit(step.name(), step.check(), mode, log, problems);
            }
        }
        return problems;
    }

    /** The checks of something outside any step (a goal's own input) as problems, by the same rule as a step's. */
    public static List<String> problems(String what, List<Check> checks, Mode mode, ReleaseLog log) {
        List<String> problems = new ArrayList<>();
        admit(what, checks, mode, log, problems);
        return problems;
    }

    private static void admit(String what, List<Check> checks, Mode mode, ReleaseLog log, List<String> problems) {
        for (Check check : checks) {
            if (check.realRunOnly() && mode == Mode.SIMULATE) {
                log.info("[" + what + "] a real run needs: " + check.message());
            } else if (!problems.contains(check.message())) {
                problems.add(check.message());
            }
        }
    }

    /**
     * Runs the steps; {@code report} is told the outcomes once, when they ran or when one failed
     * (before the failure goes on). The journal is opened first and, after a real run, closed
     * whatever happened.
     */
    public List<Outcome> run(Mode mode, Consumer<List<Outcome>> report) {
        boolean dryRun = mode == Mode.SIMULATE;
        List<Outcome> outcomes = new ArrayList<>();
        journal.open();
        try {
            for (Step step : steps) {
                outcomes.add(run(step, dryRun, outcomes, report));
            }
        } finally {
            if (!dryRun) {
                journal.close();
            }
        }
        report.accept(outcomes);
        return outcomes;
    }

    /** Runs the steps with nobody told the outcomes. */
    public List<Outcome> run(Mode mode) {
        return run(mode, o -> { });
    }

    private Outcome run(Step step, boolean dryRun, List<Outcome> before, Consumer<List<Outcome>> report) {
        String where = step.target();
        if (skipped.contains(step.kind())) {
            log.info("[" + step.name() + "] skipped (" + skipProperty + ")");
            return new Outcome(step.name(), "skipped", where);
        }
        Status status = step.status(journal);
        if (status == Status.DONE) {
            log.info("[" + step.name() + "] already done");
            if (!dryRun && !journal.has(step.name())) {
                journal.record(step.name(), where);
            }
            return new Outcome(step.name(), "already done", where);
        }
        if (step.atMostOnce() && journal.started(step.name())) {
            log.warn("[" + step.name() + "] was started by an earlier run that recorded no answer: it may have arrived, so it is not sent"
                    + " again. If " + where + " did not get it, send it by hand: " + step.byHand());
            return new Outcome(step.name(), "unconfirmed", where);
        }
        if (dryRun) {
            step.simulate(log);
            return new Outcome(step.name(), "would run", where);
        }
        if (step.atMostOnce() && !journal.claim(step.name(), where)) {
            log.info("[" + step.name() + "] another run has sent it or is sending it: not sent again");
            return new Outcome(step.name(), "sent by another run", where);
        }
        Effect effect;
        try {
            effect = step.execute();
        } catch (UnknownOutcome e) {
            fail(step, where, before, report);
            throw new UnknownOutcome(e.getMessage() + ". No run sends it again; if " + where + " did not get it, send it by hand: "
                    + step.byHand());
        } catch (ReleaseError | ReleaseFailure e) {
            if (step.atMostOnce()) {
                journal.abandon(step.name(), where);
            }
            fail(step, where, before, report);
            throw e;
        }
        if (!effect.completed()) {
            if (step.atMostOnce() && !effect.uncertain()) {
                journal.abandon(step.name(), where);
            }
            return new Outcome(step.name(), "failed (warning)", where);
        }
        journal.record(step.name(), effect.where());
        return new Outcome(step.name(), "done", where);
    }

    private static void fail(Step step, String where, List<Outcome> before, Consumer<List<Outcome>> report) {
        List<Outcome> failed = new ArrayList<>(before);
        failed.add(new Outcome(step.name(), "failed", where));
        report.accept(failed);
    }
}
