package ai.brokle.release.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.planning.ComponentPlan;
import ai.brokle.release.planning.NextVersionPlanner;
import ai.brokle.release.version.VersionRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark is only as good as its history: the shape it promises, reproducibly. */
class HistoryGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void generatesTheAskedShapeReproducibly() throws Exception {
        assertEquals(10, HistoryGenerator.generate(tmp.resolve("a"), 1000, 10, 37, 7));
        HistoryGenerator.generate(tmp.resolve("b"), 1000, 10, 37, 7);
        try (GitRepository a = GitRepository.open(tmp.resolve("a")); GitRepository b = GitRepository.open(tmp.resolve("b"))) {
            assertEquals(a.head().orElseThrow(), b.head().orElseThrow(), "the same seed gives the same commit ids");
            List<ReleaseTag> tags = a.releaseTags("v");
            assertEquals(10, tags.size());
            Optional<ReleaseTag> latest = a.latestReachable(tags, v -> true);
            assertEquals("v1.9.0", latest.orElseThrow().name(), "the newest tag has the highest version");
            NextVersionPlanner planner = new NextVersionPlanner(a, ConfigLoader.load(a.workTree()));
            ComponentPlan plan = planner.plan(ConfigLoader.load(a.workTree()).components(), VersionRequest.INFER).get(0);
            assertEquals("platform", plan.name(), "the history carries a .brokle-release.yml");
            assertEquals(37, plan.commits());
            assertEquals(37, planner.commitsParsed());
            assertTrue(plan.releases());
        }
    }
}
