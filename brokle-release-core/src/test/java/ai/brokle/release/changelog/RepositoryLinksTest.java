package ai.brokle.release.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RepositoryLinksTest {
    @Test
    void webAddressFromEveryKindOfRemoteWithoutCredentials() {
        String expected = "https://github.com/brokle-ai/brokle";
        assertEquals(expected, RepositoryLinks.fromRemote("git@github.com:brokle-ai/brokle.git").base());
        assertEquals(expected, RepositoryLinks.fromRemote("https://github.com/brokle-ai/brokle.git").base());
        assertEquals(expected, RepositoryLinks.fromRemote("https://x-access-token:ghs_secret@github.com/brokle-ai/brokle").base());
        assertEquals(expected, RepositoryLinks.fromRemote("ssh://git@github.com/brokle-ai/brokle.git").base());
        assertEquals(expected, RepositoryLinks.fromRemote("ssh://git@github.com:22/brokle-ai/brokle/").base());
        assertEquals("https://git.example.com:8443/team/sdk", RepositoryLinks.fromRemote("https://git.example.com:8443/team/sdk.git").base());
    }

    @Test
    void noLinksForLocalRemotes() {
        assertNull(RepositoryLinks.fromRemote("/srv/git/brokle.git"));
        assertNull(RepositoryLinks.fromRemote("file:///srv/git/brokle.git"));
        assertNull(RepositoryLinks.fromRemote("../brokle"));
        assertNull(RepositoryLinks.fromRemote(null));
    }

    @Test
    void gitHubAndGitLabPaths() {
        RepositoryLinks github = RepositoryLinks.of("https://github.com/brokle-ai/brokle/");
        assertEquals("https://github.com/brokle-ai/brokle/commit/abc", github.commit("abc"));
        assertEquals("https://github.com/brokle-ai/brokle/pull/12", github.pullRequest(12));
        assertEquals("https://github.com/brokle-ai/brokle/compare/v1.0.0...v1.1.0", github.compare("v1.0.0", "v1.1.0"));
        assertEquals("https://github.com/brokle-ai/brokle/releases/tag/v1.0.0", github.tag("v1.0.0"));
        RepositoryLinks gitlab = RepositoryLinks.fromRemote("git@gitlab.com:brokle/brokle.git");
        assertEquals("https://gitlab.com/brokle/brokle/-/commit/abc", gitlab.commit("abc"));
        assertEquals("https://gitlab.com/brokle/brokle/-/merge_requests/12", gitlab.pullRequest(12));
        assertEquals("https://gitlab.com/brokle/brokle/-/compare/v1...v2", gitlab.compare("v1", "v2"));
    }
}
