package ai.brokle.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * A repository's history shape replayed into a test repository: its commits with their parents and
 * author and committer times, and its tags (annotated with the tagger's time, or lightweight),
 * read from a fixture written from a real repository ({@code c <index> <parents|-> <author time>
 * <committer time>}, {@code t <name> <commit index> <tagger time|->}). The commits carry an empty
 * tree: what is replayed is when things happened, not what they changed.
 */
public final class HistoryReplay {
    private HistoryReplay() {
    }

    /** Replays {@code fixture} into {@code repo}; {@code main} points at the last commit. */
    public static void replay(TestRepo repo, String fixture) {
        Repository r = repo.git().getRepository();
        List<ObjectId> commits = new ArrayList<>();
        try (ObjectInserter inserter = r.newObjectInserter()) {
            ObjectId tree = inserter.insert(new TreeFormatter());
            for (String line : fixture.lines().toList()) {
                String[] f = line.split(" ");
                if (f[0].equals("c")) {
                    CommitBuilder c = new CommitBuilder();
                    c.setTreeId(tree);
                    if (!f[2].equals("-")) {
                        for (String p : f[2].split(",")) {
                            c.addParentId(commits.get(Integer.parseInt(p)));
                        }
                    }
                    c.setAuthor(person(Long.parseLong(f[3])));
                    c.setCommitter(person(Long.parseLong(f[4])));
                    c.setMessage("commit " + f[1] + "\n");
                    c.setEncoding(StandardCharsets.UTF_8);
                    commits.add(inserter.insert(c));
                } else if (f[0].equals("t") && !f[2].equals("?")) {
                    ObjectId target = commits.get(Integer.parseInt(f[2]));
                    ObjectId object = target;
                    if (!f[3].equals("-")) {
                        TagBuilder t = new TagBuilder();
                        t.setTag(f[1]);
                        t.setObjectId(target, Constants.OBJ_COMMIT);
                        t.setTagger(person(Long.parseLong(f[3])));
                        t.setMessage(f[1] + "\n");
                        object = inserter.insert(t);
                    }
                    inserter.flush();
                    update(r, Constants.R_TAGS + f[1], object);
                }
            }
            inserter.flush();
            update(r, "refs/heads/main", commits.get(commits.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PersonIdent person(long epochSecond) {
        return new PersonIdent("Brokle Dev", "dev@brokle.ai", Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private static void update(Repository r, String name, ObjectId id) throws IOException {
        RefUpdate u = r.updateRef(name);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        RefUpdate.Result result = u.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot set " + name + ": " + result);
        }
    }

    /** A fixture as a resource of the tests. */
    public static String fixture(String name) {
        try (var in = HistoryReplay.class.getResourceAsStream("/real-history/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
