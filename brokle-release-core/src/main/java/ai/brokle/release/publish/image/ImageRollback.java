package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ImageConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.Withdrawal;
import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rolls back the images of a published release: each floating tag ({@code MAJOR.MINOR},
 * {@code MAJOR}, {@code latest}) that names the bad release's index in a repository it was pushed
 * to goes back, by digest, to the index of the good release that holds that tag once the bad one
 * is left out. Nothing is built; the bad release's own version tag stays. A floating tag no good
 * release would hold (the first release of its line) stays where it is, with a warning.
 */
public final class ImageRollback implements Step {
    public static final String NAME = "rollback-images";

    /** One floating tag to move, or to leave when {@code to} is null. */
    private record Move(String repository, String tag, String badDigest, String to, String toDigest) {
    }

    private final Withdrawal withdrawal;
    private final RegistryCredentials credentials;
    private final RegistryPush push;
    private final ReleaseLog log;
    private List<Move> moves;

    public ImageRollback(Withdrawal withdrawal, Credentials secrets, Map<String, String> env, ReleaseLog log) {
        this.withdrawal = withdrawal;
        this.credentials = new RegistryCredentials(withdrawal.bad().config(), secrets, env, log);
        this.push = new RegistryPush(credentials, log);
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return String.join(", ", withdrawal.bad().component().publish().images().stream().flatMap(i -> i.repositories().stream()).toList());
    }

    /** The bad release's image tag: its version, with '+' written '_'. */
    private static String versionTag(SemVer version) {
        return ImageTags.of(version, List.of()).get(0);
    }

    @Override
    public List<Check> check() {
        List<Check> checks = new ArrayList<>();
        for (ImageConfig image : withdrawal.bad().component().publish().images()) {
            image.repositories().stream().flatMap(r -> credentials.problemsForImage(r).stream()).distinct().forEach(p -> checks.add(Check.credential(p)));
        }
        if (!checks.isEmpty()) {
            return checks;
        }
        try {
            moves = moves();
        } catch (ReleaseError e) {
            return List.of(Check.problem(e.getMessage()));
        }
        for (Move m : moves) {
            if (m.to() != null && m.toDigest() == null) {
                checks.add(Check.problem("[" + NAME + "] " + m.repository() + ":" + m.tag() + " should go back to " + m.to() + ", but "
                        + m.repository() + ":" + m.to() + " does not exist; move it by hand, or skip this step (-Dbrokle.rollback.skipSteps=rollback-images)"));
            }
        }
        return checks;
    }

    /** The floating tags that name the bad index now, and where each goes. */
    private List<Move> moves() {
        SemVer bad = withdrawal.bad().version();
        List<String> floating = ImageTags.of(bad, List.of(bad)).stream().skip(1).toList();
        List<SemVer> good = withdrawal.goodVersions();
        List<Move> found = new ArrayList<>();
        for (ImageConfig image : withdrawal.bad().component().publish().images()) {
            for (String repository : image.repositories()) {
                Optional<String> badDigest = push.digest(repository + ":" + versionTag(bad));
                if (badDigest.isEmpty()) {
                    continue; // never pushed there
                }
                for (String tag : floating) {
                    if (!badDigest.equals(push.digest(repository + ":" + tag))) {
                        continue;
                    }
                    Optional<SemVer> owner = good.stream().filter(v -> ImageTags.of(v, good).contains(tag)).findFirst();
                    String to = owner.map(ImageRollback::versionTag).orElse(null);
                    found.add(new Move(repository, tag, badDigest.get(), to, to == null ? null : push.digest(repository + ":" + to).orElse(null)));
                }
            }
        }
        return found;
    }

    @Override
    public Status status(Journal journal) {
        if (moves == null) {
            moves = moves();
        }
        if (moves.stream().noneMatch(m -> m.to() != null)) {
            moves.forEach(this::warnStays);
            log.info("[" + NAME + "] no floating tag names " + withdrawal.bad().tag() + "'s images" + (moves.isEmpty() ? "" : " that an earlier release"
                    + " could take"));
            return Status.DONE;
        }
        return Status.TODO;
    }

    private void warnStays(Move m) {
        log.warn("[" + NAME + "] " + m.repository() + ":" + m.tag() + " stays at " + versionTag(withdrawal.bad().version()) + " (" + m.badDigest()
                + "): no earlier release holds that tag");
    }

    @Override
    public void simulate(ReleaseLog out) {
        for (Move m : moves) {
            if (m.to() == null) {
                warnStays(m);
            } else {
                out.info("[" + NAME + "] would move " + m.repository() + ":" + m.tag() + " from " + versionTag(withdrawal.bad().version()) + " ("
                        + m.badDigest() + ") back to " + m.to() + " (" + m.toDigest() + ")");
            }
        }
    }

    @Override
    public Effect execute() {
        List<String> moved = new ArrayList<>();
        for (Move m : moves) {
            if (m.to() == null) {
                warnStays(m);
                continue;
            }
            String digest = push.retag(m.repository(), m.to(), m.tag());
            log.info("[" + NAME + "] moved " + m.repository() + ":" + m.tag() + " back to " + m.to() + " (" + digest + ")");
            moved.add(m.repository() + ":" + m.tag() + "=" + m.to());
        }
        return Effect.done(String.join(", ", moved));
    }
}
