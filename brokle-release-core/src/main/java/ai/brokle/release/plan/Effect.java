package ai.brokle.release.plan;

/**
 * What came of executing a step.
 *
 * @param completed whether the step's effect now exists; false for a step whose failure is only a
 *     warning (a notification), which the journal leaves unrecorded so that a re-run tries it again
 * @param where what the journal records of it (a URL, a repository, a file)
 * @param uncertain for a step that was not completed: whether its effect may exist all the same (it
 *     went out and its answer was lost), so that an {@link Step#atMostOnce} step is not sent again
 */
public record Effect(boolean completed, String where, boolean uncertain) {
    public Effect(boolean completed, String where) {
        this(completed, where, false);
    }

    public static Effect done(String where) {
        return new Effect(true, where);
    }

    public static Effect warned() {
        return new Effect(false, "");
    }

    /** A warning for an effect that went out and whose answer was lost: it may exist. */
    public static Effect lostAnswer() {
        return new Effect(false, "", true);
    }
}
