package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.init.InitFiles;
import ai.brokle.release.init.Layout;
import ai.brokle.release.plan.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code init} goal: looks at the repository (pom.xml, package.json workspaces and
 * .changeset/, pyproject.toml and the version module, .gitmodules, cmd/ commands, existing tags
 * and their prefixes, CHANGELOG.md, the GitHub remote) and writes a commented
 * {@code .brokle-release.yml} and the GitHub Actions workflows for its kind. The configuration it
 * writes is checked by the same loader every goal uses before anything is written. An existing file
 * is never overwritten unless forced; then nothing at all is written.
 */
public final class InitWorkflow {

    private final InitOptions options;
    private final PrintStream stdout;
    private final ReleaseLog log;

    public InitWorkflow(InitOptions options, PrintStream stdout) {
        this.options = options;
        this.stdout = stdout;
        this.log = options.release().log();
    }

    /** The files written (or, in a dry run, that would be), path → content. */
    public Map<String, String> execute() {
        Path root;
        Layout layout;
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            root = git.workTree();
            String remote = git.hasRemote("origin") ? git.remoteUrl("origin") : null;
            layout = Layout.detect(root, git.tagNames(), remote);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the repository's files: " + e.getMessage(), e);
        }
        Map<String, String> files = new InitFiles(layout, options.plugin()).files();
        try {
            new ConfigLoader().parse(InitFiles.CONFIG, files.get(InitFiles.CONFIG));
        } catch (ReleaseFailure e) {
            throw new ReleaseError("init wrote a configuration that does not validate (a defect of brokle-release): " + e.getMessage(), e);
        }
        List<String> existing = files.keySet().stream().filter(p -> Files.exists(root.resolve(p))).toList();
        if (!existing.isEmpty() && !options.force() && options.mode() == Mode.EXECUTE) {
            throw new ReleaseFailure("init writes nothing: " + existing.size() + " of its files exist already", existing.stream()
                    .map(p -> p + " exists; move it aside, or run again with -Dbrokle.force=true to replace it").toList());
        }
        log.info("Found " + layout.kind().component() + " layout: component '" + layout.name() + "', tags " + layout.tagPrefix() + "<version>"
                + (layout.submodules().isEmpty() ? "" : ", submodules " + String.join(", ", layout.submodules().keySet())));
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (options.mode() == Mode.SIMULATE) {
                stdout.println("--- " + file.getKey() + (existing.contains(file.getKey()) ? " (exists; would be replaced with -Dbrokle.force=true)" : ""));
                stdout.print(file.getValue());
                continue;
            }
            try {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent() == null ? root : target.getParent());
                Files.writeString(target, file.getValue());
                log.info((existing.contains(file.getKey()) ? "Replaced " : "Wrote ") + file.getKey());
            } catch (IOException e) {
                throw new ReleaseError("Cannot write " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
        if (options.mode() == Mode.EXECUTE) {
            log.info("Next: read " + InitFiles.CONFIG + " (every key is commented), run the validate goal, commit the files.");
        }
        return files;
    }
}
