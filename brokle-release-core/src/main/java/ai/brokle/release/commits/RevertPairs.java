package ai.brokle.release.commits;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which commits of a range cancel out: a {@code git revert} of a commit in the same range takes
 * both out of the release (its notes and its version), as if neither had been made. A revert is
 * undone by a newer revert of it first, so reverting a revert brings the change back. A revert of
 * a commit released earlier stays: it is a change of this release.
 */
public final class RevertPairs {
    private RevertPairs() {
    }

    /**
     * The hashes of the commits that cancel out, reverts included.
     *
     * @param hashes the range's commits, newest first
     * @param reverted for each commit, the (possibly abbreviated) hash it reverts, or null
     */
    public static Set<String> cancelled(List<String> hashes, List<String> reverted) {
        Set<String> cancelled = new HashSet<>();
        for (int i = 0; i < hashes.size(); i++) {
            String target = reverted.get(i);
            if (target == null || cancelled.contains(hashes.get(i))) {
                continue;
            }
            for (int j = i + 1; j < hashes.size(); j++) {
                String hash = hashes.get(j);
                if (hash.startsWith(target) && !cancelled.contains(hash)) {
                    cancelled.add(hash);
                    cancelled.add(hashes.get(i));
                    break;
                }
            }
        }
        return cancelled;
    }
}
