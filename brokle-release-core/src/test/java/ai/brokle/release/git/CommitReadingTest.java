package ai.brokle.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.brokle.release.testing.TestRepo;
import java.nio.charset.Charset;
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
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages and authors as the history walk reads them, for plain ASCII commits and for the others. */
class CommitReadingTest {
    @TempDir
    Path dir;

    @Test
    void readsAuthorsAndMessagesOfEveryShape() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit first = repo.commitAs("Ann Example", "ann@example.com", "feat: plain ascii\n\nbody\n");
            repo.commitAs("José Núñez", "jose@example.com", "fix: accented author");
            repo.commitAs("Bob", "bob@example.com", "docs: message with ümlaut and emoji 🚀");
            Repository r = repo.git().getRepository();
            ObjectId latin1 = insert(r, r.resolve("HEAD"), new PersonIdent("Jürgen Ä", "j@example.com", Instant.ofEpochSecond(1_800_000_000L),
                    ZoneOffset.ofHours(2)), "feat: Grüße aus Köln\n", Charset.forName("ISO-8859-1"));
            ObjectId spaced = insert(r, latin1, new PersonIdent("  Tabs\tand spaces  ", "odd@example.com", Instant.ofEpochSecond(1_800_000_100L),
                    ZoneOffset.UTC), "chore: spaced author\n", StandardCharsets.UTF_8);

            List<RawCommit> read = new ArrayList<>();
            try (GitRepository git = GitRepository.open(dir)) {
                git.walkSuccessiveRanges(List.of(spaced), "", (i, commits) -> read.addAll(commits));
            }
            assertEquals(5, read.size());
            // whatever path a commit takes, it reads as JGit's own parser reads it
            try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(r)) {
                for (RawCommit c : read) {
                    RevCommit expected = walk.parseCommit(ObjectId.fromString(c.hash()));
                    PersonIdent author = expected.getAuthorIdent();
                    assertEquals(author.getName(), c.authorName(), c.hash());
                    assertEquals(author.getEmailAddress(), c.authorEmail(), c.hash());
                    assertEquals(author.getWhenAsInstant().getEpochSecond(), c.authorTime(), c.hash());
                    assertEquals(expected.getFullMessage(), c.message(), c.hash());
                }
            }
            assertEquals(List.of("Tabs\tand spaces", "Jürgen Ä", "Bob", "José Núñez", "Ann Example"),
                    read.stream().map(RawCommit::authorName).toList());
            assertEquals("feat: Grüße aus Köln\n", read.get(1).message());
            assertEquals(1_800_000_000L, read.get(1).authorTime());
            assertEquals(first.name(), read.get(4).hash());
        }
    }

    @Test
    void aShallowBoundaryEndsTheWalkAndEachTipGetsOnlyItsOwnCommits() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: one");
            RevCommit two = repo.commit("feat: two");
            RevCommit three = repo.commit("fix: three");
            RevCommit merge = mergeOf(repo, three, repo.commit("docs: four"));
            java.nio.file.Files.writeString(dir.resolve(".git/shallow"), two.name() + "\n");

            List<List<String>> ranges = new ArrayList<>();
            List<Integer> parents = new ArrayList<>();
            try (GitRepository git = GitRepository.open(dir)) {
                git.walkSuccessiveRanges(List.of(three, merge), "", (i, commits) -> {
                    ranges.add(commits.stream().map(c -> c.message().strip()).toList());
                    commits.forEach(c -> parents.add(c.parentCount()));
                });
            }
            // "feat: one" lies beyond the shallow boundary: never read, and "feat: two" counts no parent
            assertEquals(List.of(List.of("fix: three", "feat: two"), List.of("merge", "docs: four")), ranges);
            assertEquals(List.of(1, 0, 2, 1), parents);
        }
    }

    private static RevCommit mergeOf(TestRepo repo, RevCommit first, RevCommit second) throws Exception {
        Repository r = repo.git().getRepository();
        try (ObjectInserter inserter = r.newObjectInserter(); org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(r)) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(second.getTree());
            commit.setParentIds(first, second);
            PersonIdent who = new PersonIdent("Merger", "m@example.com", Instant.ofEpochSecond(repo.nextTime() + 600), ZoneOffset.UTC);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("merge\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return walk.parseCommit(id);
        }
    }

    private static ObjectId insert(Repository r, ObjectId parent, PersonIdent author, String message, Charset encoding) throws Exception {
        try (ObjectInserter inserter = r.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(r.parseCommit(parent).getTree());
            commit.setParentId(parent);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setEncoding(encoding);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = r.updateRef(Constants.HEAD);
            update.setNewObjectId(id);
            update.forceUpdate();
            return id;
        }
    }
}
