package ai.brokle.release.goal;

import java.util.LinkedHashMap;
import ai.brokle.release.git.RemoteTags;
import ai.brokle.release.git.SubmoduleLinks;
import ai.brokle.release.init.Adoption;
import ai.brokle.release.GoalCommands;
import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.init.InitFiles;
import ai.brokle.release.init.InitFilesStep;
import ai.brokle.release.init.Layout;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Plan;
import java.io.IOException;
import java.io.PrintStream;
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

    private static final int REMOTE_TIMEOUT_SECONDS = 30;

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
        Adoption adoption;
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            root = git.workTree();
            String remote = git.hasRemote("origin") ? git.remoteUrl("origin") : null;
            layout = Layout.detect(root, git.tagNames(), remote);
            adoption = Adoption.survey(root, layout, sdkTags(git, layout));
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the repository's files: " + e.getMessage(), e);
        }
        String plugin = releasedPlugin(options.plugin());
        Map<String, String> files = new InitFiles(layout, adoption, plugin).files();
        try {
            new ConfigLoader().parse(InitFiles.CONFIG, files.get(InitFiles.CONFIG));
        } catch (ReleaseFailure e) {
            throw new ReleaseError("init wrote a configuration that does not validate (a defect of brokle-release): " + e.getMessage(), e);
        }
        InitFilesStep writing = new InitFilesStep(root, files, options.force(), stdout, log);
        Plan plan = new Plan(List.of(writing), Journal.NONE, log);
        List<String> problems = plan.problems(options.mode());
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("init writes nothing", problems);
        }
        log.info("Found " + layout.kind().component() + " layout: component '" + layout.name() + "', tags " + layout.tagPrefix() + "<version>"
                + (layout.submodules().isEmpty() ? "" : ", submodules " + String.join(", ", layout.submodules().keySet())));
        if (!adoption.report().isEmpty()) {
            log.info("What the repository has, and what init does with it:");
            adoption.report().forEach(line -> log.info("  " + line));
        }
        plan.run(options.mode());
        if (!options.release().commands().equals(GoalCommands.SHORT)) {
            log.info("To call the goals as 'mvn brokle-release:<goal>' in a repository without a POM, add the plugin group to"
                    + " ~/.m2/settings.xml: <pluginGroups><pluginGroup>ai.brokle</pluginGroup></pluginGroups> (the brokle-release GitHub"
                    + " Action adds it on runners). Until then: " + options.release().command("<goal>"));
        }
        return files;
    }

    /**
     * The tags of each submodule's SDK remote, read with ls-remote (nothing is fetched): the prefixes
     * the SDKs actually tag with. Offline, or when a remote cannot be reached, none, and why.
     */
    private Map<String, Adoption.SdkTags> sdkTags(GitRepository git, Layout layout) {
        Map<String, Adoption.SdkTags> out = new LinkedHashMap<>();
        if (layout.submodules().isEmpty()) {
            return out;
        }
        SubmoduleLinks links = new SubmoduleLinks(git);
        Map<String, String> urls = new LinkedHashMap<>();
        git.head().ifPresent(head -> links.declared(head).forEach(d -> urls.put(d.path(), d.url())));
        for (String path : layout.submodules().keySet()) {
            String url = urls.get(path);
            if (url == null) {
                out.put(path, new Adoption.SdkTags(null, List.of(), ".gitmodules is not committed yet"));
                continue;
            }
            String resolved = links.resolveUrl(url);
            if (options.release().offline()) {
                out.put(path, new Adoption.SdkTags(SubmoduleLinks.masked(resolved), List.of(), "Maven runs offline"));
                continue;
            }
            try {
                out.put(path, new Adoption.SdkTags(SubmoduleLinks.masked(resolved), RemoteTags.list(resolved, options.release().credentials(),
                        REMOTE_TIMEOUT_SECONDS), null));
            } catch (ReleaseError e) {
                out.put(path, new Adoption.SdkTags(SubmoduleLinks.masked(resolved), List.of(), e.getMessage()));
            }
        }
        return out;
    }

    /**
     * The coordinates the workflows name: never a SNAPSHOT, which no runner can resolve. A SNAPSHOT
     * build of the plugin names the release it leads to (0.2.0 for 0.2.0-SNAPSHOT), and says so.
     */
    private String releasedPlugin(String coordinates) {
        String snapshot = "-SNAPSHOT";
        if (!coordinates.endsWith(snapshot)) {
            return coordinates;
        }
        String released = coordinates.substring(0, coordinates.length() - snapshot.length());
        log.info("This plugin is a development build (" + coordinates.substring(coordinates.lastIndexOf(':') + 1) + "), which no CI runner can"
                + " download: the workflows name the release it leads to, " + released.substring(released.lastIndexOf(':') + 1)
                + ". Until that release is on Maven Central, change the version in the workflows to a released one.");
        return released;
    }
}
