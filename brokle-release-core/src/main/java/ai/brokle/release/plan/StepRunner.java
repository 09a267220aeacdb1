package ai.brokle.release.plan;

import ai.brokle.release.ReleaseLog;
import java.util.List;
import java.util.function.Consumer;

/** Runs steps in order: skips those already done, simulates them in a dry run, and records each one completed. */
public final class StepRunner {
    private final ReleaseLog log;
    private final boolean dryRun;
    private final Consumer<String> completed;

    /** @param completed told the name of each step found done or completed (not in a dry run) */
    public StepRunner(ReleaseLog log, boolean dryRun, Consumer<String> completed) {
        this.log = log;
        this.dryRun = dryRun;
        this.completed = completed;
    }

    public void run(List<Step> steps) {
        for (Step step : steps) {
            if (step.isDone()) {
                log.info("[" + step.name() + "] already done");
                if (!dryRun) {
                    completed.accept(step.name());
                }
                continue;
            }
            if (dryRun) {
                step.simulate(log);
            } else {
                step.execute();
                completed.accept(step.name());
            }
        }
    }
}
