package ai.brokle.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.TestRepo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class JGitStartupTest {
    @TempDir
    Path tmp;

    /** Reads the status of a new repository in a new JVM whose user home is empty, as on a fresh CI runner. */
    private Path firstAccess(String mode, Path repo) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home-" + mode));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                FirstAccess.class.getName(), mode, repo.toString())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM finished");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("unclean 0"), output);
        return home;
    }

    @Test
    void doesNotMeasureTimestampsInAnEmptyHome() throws Exception {
        Path repo = tmp.resolve("repo");
        try (TestRepo r = TestRepo.init(repo)) {
            r.commit("feat: a");
        }
        Path plain = firstAccess("plain", repo);
        assertTrue(Files.exists(plain.resolve(".config/jgit/config")),
                "plain JGit measures the file system and stores the result in the user home");

        Path ours = firstAccess("brokle", repo);
        assertFalse(Files.exists(ours.resolve(".config/jgit/config")), "no measurement was made or stored");
        try (Stream<Path> files = Files.walk(repo.resolve(".git"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".probe")), "no probe file left behind");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void findsTheSystemConfigurationWithoutRunningGit() {
        Path repo = tmp.resolve("repo2");
        try (TestRepo r = TestRepo.init(repo)) {
            r.commit("feat: a");
        }
        try (GitRepository git = GitRepository.open(repo)) {
            assertEquals(new File(System.getenv().getOrDefault("GIT_CONFIG_SYSTEM", "/etc/gitconfig")), FS.DETECTED.getGitSystemConfig());
        }
    }
}
