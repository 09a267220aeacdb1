package ai.brokle.release.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConventionalCommitParserTest {
    private final ConventionalCommitParser parser = new ConventionalCommitParser();

    private ConventionalCommit parse(String message) {
        return parser.parse("0123456789abcdef0123456789abcdef01234567", message, 1);
    }

    @Test
    void readsTypeScopeAndSubject() {
        ConventionalCommit c = parse("feat(web): add the usage dashboard");
        assertEquals("feat", c.type());
        assertEquals("web", c.scope());
        assertEquals("add the usage dashboard", c.subject());
        assertFalse(c.breaking());
        assertTrue(c.isConventional());
        assertEquals("", c.body());
        assertEquals(List.of(), c.footers());
    }

    @Test
    void typeIsCaseInsensitive() {
        assertEquals("fix", parse("FIX: x").type());
        assertEquals("feat", parse("Feat(API): y").type());
        assertEquals("API", parse("Feat(API): y").scope());
    }

    @Test
    void bangMarksBreakingChange() {
        ConventionalCommit c = parse("refactor(api)!: drop the v1 endpoints");
        assertTrue(c.breaking());
        assertEquals("drop the v1 endpoints", c.breakingDescription());
        assertTrue(parse("feat!: no scope").breaking());
    }

    @Test
    void breakingChangeFootersInBothSpellings() {
        ConventionalCommit c = parse("feat: new config\n\nThe body explains.\nOver two lines.\n\nBREAKING CHANGE: `extends` now\n  means something else\nRefs: #12");
        assertTrue(c.breaking());
        assertEquals("The body explains.\nOver two lines.", c.body());
        assertEquals(2, c.footers().size());
        assertEquals("`extends` now\n  means something else", c.breakingDescription());
        assertEquals(new Footer("Refs", "#12"), c.footers().get(1));
        assertTrue(parse("fix: y\n\nBREAKING-CHANGE: gone").breaking());
        assertFalse(parse("fix: y\n\nbreaking change: lower case is not a footer token").breaking());
    }

    @Test
    void footerWithHashSeparator() {
        ConventionalCommit c = parse("fix: prevent racing\n\nIntroduce a request id.\n\nReviewed-by: Z\nRefs #133");
        assertEquals(List.of(new Footer("Reviewed-by", "Z"), new Footer("Refs", "#133")), c.footers());
        assertEquals("Introduce a request id.", c.body());
    }

    @Test
    void bodyParagraphThatLooksLikeAFooterButIsFollowedByTextStaysBody() {
        ConventionalCommit c = parse("fix: a\n\nNote: this is prose.\n\nAnd more prose here.");
        assertEquals(List.of(), c.footers());
        assertEquals("Note: this is prose.\n\nAnd more prose here.", c.body());
    }

    @Test
    void pullRequestSuffixIsTakenOffTheSubject() {
        ConventionalCommit c = parse("fix(sdk): retry on 429 (#123)");
        assertEquals(123, c.pullRequest());
        assertEquals("retry on 429", c.subject());
        assertEquals("fix(sdk): retry on 429 (#123)", c.header());
    }

    @Test
    void mergeCommits() {
        ConventionalCommit c = parser.parse("a", "Merge pull request #45 from brokle-ai/feature/x\n\nfeat: x", 2);
        assertTrue(c.merge());
        assertFalse(c.isConventional());
        assertEquals(45, c.pullRequest());
        ConventionalCommit branch = parser.parse("b", "Merge branch 'main' into feature", 2);
        assertTrue(branch.merge());
        assertNull(branch.type());
    }

    @Test
    void revertsInBothForms() {
        ConventionalCommit git = parse("Revert \"feat: add x\"\n\nThis reverts commit 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.");
        assertEquals("revert", git.type());
        assertTrue(git.isRevert());
        assertEquals("feat: add x", git.subject());
        assertEquals("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", git.revertedHash());
        ConventionalCommit cc = parse("revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868");
        assertEquals("revert", cc.type());
        assertNull(cc.revertedHash());
    }

    /** Real commits of the users' repositories, read as conventional-commits-parser reads them (RealCommitsParityTest runs it on all). */
    @Test
    void realPeoplesCommitsAreReadAsTheParserReadsThem() {
        ConventionalCommit spaces = parse("feat(swagger):  Add complete Swagger/OpenAI integration with compatible dependency versions");
        assertEquals("feat", spaces.type());
        assertEquals("swagger", spaces.scope());
        assertEquals("Add complete Swagger/OpenAI integration with compatible dependency versions", spaces.subject());

        ConventionalCommit dependabot = parse("deps(go)(deps): bump golang.org/x/crypto from 0.46.0 to 0.47.0");
        assertEquals("deps", dependabot.type());
        assertEquals("go)(deps", dependabot.scope(), "the scope runs to the last ')' before the colon, as for the parser");

        ConventionalCommit indented = parse("feat(api): drop v1 routes\n\nThe v1 routes are gone.\n\n  BREAKING CHANGE: clients must call /v2\n"
                + "  (the SDKs do since 0.3)\n\nMore notes after the breaking change.\n\nRefs: #12");
        assertTrue(indented.breaking(), "an indented note in the body, followed by more paragraphs");
        assertEquals("The v1 routes are gone.", indented.body());
        assertEquals("clients must call /v2\n  (the SDKs do since 0.3)\n\nMore notes after the breaking change.", indented.breakingDescription());
        assertEquals(List.of("BREAKING CHANGE", "Refs"), indented.footers().stream().map(Footer::token).toList());

        assertTrue(parse("fix: a\n\n* BREAKING CHANGE: a bullet").breaking());
        assertFalse(parse("fix: a\n\nThis is not a breaking change: it keeps the API").breaking(),
                "lower case is prose: BREAKING CHANGE MUST be upper case (the spec; the parser would take it)");
        assertFalse(parse("fix: a\n\nSee BREAKING CHANGE: in the middle of a line").breaking());
    }

    @Test
    void nonConventionalMessagesAreKeptAsOther() {
        for (String message : List.of("Update README", "feat:no space", "feat : space before colon", "feat(): ", "(scope): x",
                "WIP", "", "fix:\tsubject", " docs: a space before the type")) {
            ConventionalCommit c = parse(message);
            assertNull(c.type(), message);
            assertFalse(c.isConventional(), message);
            assertFalse(c.breaking(), message);
        }
    }

    @Test
    void windowsLineEndingsAndTrailingSpace() {
        ConventionalCommit c = parse("feat(x): y\r\n\r\nbody\r\n\r\nBREAKING CHANGE: z\r\n");
        assertTrue(c.breaking());
        assertEquals("body", c.body());
        assertEquals("z", c.breakingDescription());
    }

    @Test
    void emptyScopeIsNoScope() {
        ConventionalCommit c = parse("docs( ): tidy");
        assertEquals("docs", c.type());
        assertNull(c.scope());
    }
}
