package ai.brokle.release.plan;

/**
 * What came of executing a step.
 *
 * @param completed whether the step's effect now exists; false for a step whose failure is only a
 *     warning (a notification), which the journal leaves unrecorded so that a re-run tries it again
 * @param where what the journal records of it (a URL, a repository, a file)
 */
public record Effect(boolean completed, String where) {
    public static Effect done(String where) {
        return new Effect(true, where);
    }

    public static Effect warned() {
        return new Effect(false, "");
    }
}
