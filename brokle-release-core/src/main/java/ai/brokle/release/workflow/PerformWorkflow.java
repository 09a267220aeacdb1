package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changelog.ChangeHistory;
import ai.brokle.release.changelog.ChangeEntry;
import ai.brokle.release.changelog.ReleaseChanges;
import ai.brokle.release.changelog.ReleaseNotes;
import ai.brokle.release.config.PublishConfig;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.github.GitHubActions;
import ai.brokle.release.github.GitHubClient;
import ai.brokle.release.github.Webhook;
import ai.brokle.release.plan.Step;
import ai.brokle.release.submodules.SubmoduleOptions;
import ai.brokle.release.submodules.SubmoduleWorkflow;
import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code perform} goal: the CI half of a release, run on its tag. Publishes in a safe order —
 * registry publications (PyPI, npm) and container images first, then the GitHub release
 * (created as a draft, assets and a checksum file uploaded, then made public), then repository
 * dispatches, then chat notifications. Each step first checks its real target (the GitHub release
 * and its assets; the publication record, shared through the remote, for events that cannot be
 * read back), so a re-run after a failure completes what is missing and repeats nothing. A failed
 * notification is a warning, never a failed release.
 */
public final class PerformWorkflow {
    public static final String GITHUB_RELEASE = "github-release";
    public static final String DISPATCH = "dispatch";
    public static final String SLACK = "slack";
    public static final String DISCORD = "discord";
    public static final List<String> STEP_KINDS = List.of(PypiPublication.NAME, NpmPublication.NAME, ImagePublication.NAME,
            GITHUB_RELEASE, DISPATCH, SLACK, DISCORD);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMOTE_TIMEOUT_SECONDS = 60;
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(30);
    private static final int HIGHLIGHTS = 5;

    private final PerformOptions options;
    private final ReleaseLog log;
    private final GitHubActions actions;

    public PerformWorkflow(PerformOptions options, PrintStream stdout) {
        this.options = options;
        this.log = options.release().log();
        this.actions = new GitHubActions(options.release().environment(), stdout);
    }

    /** One row of the summary: a step and what became of it. */
    public record Outcome(String step, String result, String target) {
    }

    /** What was done, step by step. */
    public record Result(String tag, String releaseUrl, List<Outcome> outcomes) {
    }

    public Result execute() {
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            List<String> problems = new ArrayList<>();
            ReleaseTarget target = ReleaseTarget.resolve(git, options.release(), options.tag(), problems);
            Set<String> skipped = skipped(problems);
            if (target != null) {
                problems.addAll(SubmoduleWorkflow.releaseProblems(git, target.config(), SubmoduleOptions.of(options.release())));
            }
            PypiPublication pypi = null;
            if (target != null && target.component().publish().pypi() != null && !skipped.contains(PypiPublication.NAME)) {
                pypi = new PypiPublication(git, target, options.release().environment(), options.pypiToken(), options.retry(), log, actions);
                problems.addAll(pypi.prepare(options.dryRun()));
            }
            NpmPublication npm = null;
            if (target != null && target.component().publish().npm() != null && !skipped.contains(NpmPublication.NAME)) {
                npm = new NpmPublication(git, target, options.release().environment(), options.npmToken(), options.distTag(), log);
                problems.addAll(npm.prepare(options.dryRun()));
            }
            ImagePublication images = null;
            if (target != null && !target.component().publish().images().isEmpty() && !skipped.contains(ImagePublication.NAME)) {
                images = new ImagePublication(git, target, options.registryServers(), options.release().environment(), imageOutput(options),
                        options.dryRun(), log);
                problems.addAll(images.prepare());
            }
            String token = options.token();
            if (token == null && !options.dryRun() && !skipped.containsAll(List.of(GITHUB_RELEASE, DISPATCH))) {
                problems.add("No GitHub token: set GITHUB_TOKEN (in GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}) or GH_TOKEN,"
                        + " or name a settings.xml server with -Dbrokle.githubServerId");
            }
            Map<String, Path> assets = target == null || skipped.contains(GITHUB_RELEASE) ? Map.of()
                    : assets(git.workTree(), target.component().publish(), problems);
            String notes = null;
            ReleaseChanges changes = null;
            if (target != null && target.commit() != null) {
                if (target.component().changesets()) {
                    notes = git.tagMessage(target.tag()).orElse("");
                } else {
                    changes = changes(git, target);
                    String template = ChangelogWorkflow.template(git.workTree(), target.component(), problems);
                    notes = (template == null ? ReleaseNotes.defaultTemplate() : ReleaseNotes.compile(template,
                            target.component().releaseNotes().template())).render(changes);
                }
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot perform the release" + (target == null ? "" : " " + target.tag()) + " (" + problems.size()
                        + " problem" + (problems.size() == 1 ? "" : "s") + "); nothing was published", problems);
            }
            actions.mask(options.githubToken());
            GitHubClient github = new GitHubClient(URI.create(target.config().github().apiUrl()), token, options.retry(),
                    d -> Thread.sleep(d.toMillis()), log);
            RemotePush remote = remote(git, target, options.release());
            fetchRecord(remote, target.tag(), log);
            Context context = new Context(git, github, target, notes, highlights(changes, notes), assets);
            List<Step> steps = new ArrayList<>();
            for (Step registryStep : new Step[] {pypi, npm, images}) {
                if (registryStep != null) {
                    steps.add(registryStep);
                }
            }
            steps.addAll(steps(context, skipped));
            List<Outcome> outcomes;
            try {
                outcomes = run(context, steps, skipped);
            } finally {
                if (!options.dryRun()) {
                    pushRecord(remote, git, target.tag(), log);
                }
            }
            report(context, outcomes);
            return new Result(target.tag(), context.releaseUrl, outcomes);
        }
    }

    /** Where images are built: {@code target/brokle-release/images} under the base directory. */
    static Path imageOutput(PerformOptions options) {
        return options.release().baseDirectory().resolve("target").resolve("brokle-release").resolve("images");
    }

    private Set<String> skipped(List<String> problems) {
        Set<String> skipped = new LinkedHashSet<>();
        if (options.skip() == null || options.skip().isBlank() || options.skip().trim().equalsIgnoreCase("false")) {
            return skipped;
        }
        for (String s : options.skip().split(",")) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!STEP_KINDS.contains(name)) {
                problems.add("brokle.skip: '" + s.trim() + "' is not a step of perform; the steps are " + String.join(", ", STEP_KINDS));
            }
            skipped.add(name);
        }
        return skipped;
    }

    /** The files of the configured asset globs, by name; a glob that matches nothing, or two files of one name, is a problem. */
    private static Map<String, Path> assets(Path root, PublishConfig publish, List<String> problems) {
        Map<String, Path> found = FileGlobs.byName(root, publish.assets(), "githubRelease.assets", problems);
        if (publish.checksums() != null && found.containsKey(publish.checksums())) {
            problems.add("githubRelease.checksums: an asset is already named " + publish.checksums() + "; name the checksum file otherwise");
        }
        return found;
    }

    private ReleaseChanges changes(GitRepository git, ReleaseTarget target) {
        List<ReleaseTag> tags = git.releaseTags(target.component().tagPrefix());
        ChangeHistory.Start start = ChangelogWorkflow.previousRelease(git, tags, target.commit(), target.version());
        ChangeHistory.End end = new ChangeHistory.End(target.commit(), target.version().toString(), target.tag(),
                ChangeHistory.date(git.tagTime(target.tag())), target.tag());
        return new ChangeHistory(git, target.component(), target.links()).range(start, end);
    }

    /** The release's highlights for notifications: its Highlight footers, else its first features and fixes, else the notes' first entries. */
    private static List<String> highlights(ReleaseChanges changes, String notes) {
        List<String> out = new ArrayList<>();
        if (changes != null) {
            // the model gives null for an empty list, as Mustache templates want it
            out.addAll(orEmpty(changes.highlights()));
            if (out.isEmpty()) {
                List<ChangeEntry> entries = new ArrayList<>(orEmpty(changes.breakingChanges()));
                entries.addAll(orEmpty(changes.features()));
                entries.addAll(orEmpty(changes.fixes()));
                entries.stream().map(ChangeEntry::subject).distinct().forEach(out::add);
            }
        } else if (notes != null) {
            notes.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).replaceFirst("^[0-9a-f]{7}: ", "")).forEach(out::add);
        }
        return out.subList(0, Math.min(HIGHLIGHTS, out.size()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The release's address on GitHub from the configured repository and API, when the remote gives no web address. */
    private static String webUrl(ReleaseTarget target) {
        if (target.repository() == null) {
            return null;
        }
        String api = target.config().github().apiUrl();
        String web = api.equals("https://api.github.com") ? "https://github.com" : api.replaceFirst("/api/v3$", "");
        return web + "/" + target.repository() + "/releases/tag/" + target.tag();
    }

    /** Everything the steps share. */
    private final class Context {
        final GitRepository git;
        final GitHubClient github;
        final ReleaseTarget target;
        final String notes;
        final List<String> highlights;
        final Map<String, Path> assets;
        String releaseUrl;

        Context(GitRepository git, GitHubClient github, ReleaseTarget target, String notes, List<String> highlights, Map<String, Path> assets) {
            this.git = git;
            this.github = github;
            this.target = target;
            this.notes = notes;
            this.highlights = highlights;
            this.assets = assets;
            this.releaseUrl = target.links() != null ? target.links().tag(target.tag()) : webUrl(target);
        }

        String repository() {
            return target.repository();
        }

        boolean recorded(String step) {
            return PublicationRecord.read(git, target.tag()).stream().anyMatch(e -> e.step().equals(step));
        }

        void record(String step, String where) {
            PublicationRecord.record(git, target.tag(), PublicationRecord.Entry.now(step, where));
        }
    }

    /** The steps in their safe order; skipped kinds and notifications without a webhook URL are left out. */
    private List<Step> steps(Context context, Set<String> skipped) {
        List<Step> steps = new ArrayList<>();
        PublishConfig publish = context.target.component().publish();
        steps.add(new GitHubReleaseStep(context));
        for (PublishConfig.Dispatch d : publish.dispatches()) {
            steps.add(new DispatchStep(context, d));
        }
        for (String notifier : publish.notifications()) {
            String variable = notifier.equals(SLACK) ? "SLACK_WEBHOOK_URL" : "DISCORD_WEBHOOK_URL";
            String url = options.release().env(variable);
            if (url == null) {
                if (!skipped.contains(notifier)) {
                    log.warn("[" + notifier + "] not sent: " + variable + " is not set");
                }
                continue;
            }
            steps.add(new NotifyStep(context, notifier, new Webhook(url, variable, WEBHOOK_TIMEOUT)));
        }
        return steps;
    }

    private static String kind(Step step) {
        String name = step.name();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private List<Outcome> run(Context context, List<Step> steps, Set<String> skipped) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : steps) {
            String where = step instanceof Target t ? t.target() : "";
            if (skipped.contains(kind(step))) {
                log.info("[" + step.name() + "] skipped (brokle.skip)");
                outcomes.add(new Outcome(step.name(), "skipped", where));
                continue;
            }
            if (step.isDone()) {
                log.info("[" + step.name() + "] already done");
                outcomes.add(new Outcome(step.name(), "already done", where));
                continue;
            }
            if (options.dryRun()) {
                step.simulate(log);
                outcomes.add(new Outcome(step.name(), "would run", where));
                continue;
            }
            try {
                step.execute();
            } catch (ReleaseError | ReleaseFailure e) {
                outcomes.add(new Outcome(step.name(), "failed", where));
                report(context, outcomes);
                throw e;
            }
            boolean done = step.isDone();
            outcomes.add(new Outcome(step.name(), done ? "done" : "failed (warning)", where));
        }
        return outcomes;
    }

    private void report(Context context, List<Outcome> outcomes) {
        StringBuilder summary = new StringBuilder("### Release ").append(context.target.tag()).append("\n\n| step | result | where |\n| --- | --- | --- |\n");
        outcomes.forEach(o -> summary.append("| ").append(o.step()).append(" | ").append(o.result()).append(" | ").append(o.target()).append(" |\n"));
        if (!options.dryRun()) {
            actions.summary(summary.toString());
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("tag", context.target.tag());
            outputs.put("version", context.target.version().toString());
            outputs.put("component", context.target.component().name());
            outputs.put("prerelease", String.valueOf(context.target.version().isPrerelease()));
            outputs.put("release-url", context.releaseUrl == null ? "" : context.releaseUrl);
            actions.outputs(outputs);
        }
        outcomes.forEach(o -> log.info(String.format("%-40s %-18s %s", o.step(), o.result(), o.target())));
    }

    /** The release's remote, for its publication record; null when the clone has none. */
    static RemotePush remote(GitRepository git, ReleaseTarget target, ReleaseOptions release) {
        return git.hasRemote(target.config().remote()) ? new RemotePush(git, target.config().remote(),
                GitCredentials.fromEnvironment(release.environment()), REMOTE_TIMEOUT_SECONDS) : null;
    }

    /** Fetches the remote's publication record of {@code tag}, when it has one; a failure is a warning. */
    static void fetchRecord(RemotePush remote, String tag, ReleaseLog log) {
        if (remote == null) {
            return;
        }
        try {
            String ref = PublicationRecord.refName(tag);
            if (remote.refs().containsKey(ref)) {
                remote.fetch(List.of(ref));
            }
        } catch (ReleaseError e) {
            log.warn("Cannot read what the remote records as published from " + tag + " (" + e.getMessage() + "); going by this clone's record");
        }
    }

    /** Pushes this clone's publication record of {@code tag} to the remote, for the other jobs and clones; a failure is a warning. */
    static void pushRecord(RemotePush remote, GitRepository git, String tag, ReleaseLog log) {
        if (remote == null || PublicationRecord.read(git, tag).isEmpty()) {
            return;
        }
        try {
            remote.pushAtomically(List.of(PublicationRecord.refName(tag)));
        } catch (ReleaseError e) {
            log.warn("Cannot push the publication record " + PublicationRecord.refName(tag) + " (" + e.getMessage() + "); other clones will"
                    + " not see what was published");
        }
    }

    /** A step that publishes somewhere it can name. */
    interface Target {
        String target();
    }

    /** The GitHub release: a draft with the notes, its assets and checksum file, then public. */
    private final class GitHubReleaseStep implements Step, Target {
        private final Context context;

        GitHubReleaseStep(Context context) {
            this.context = context;
        }

        @Override
        public String name() {
            return GITHUB_RELEASE;
        }

        @Override
        public String target() {
            return context.repository() + " " + context.target.tag();
        }

        /** Name → bytes of every asset, the checksum file last; read once. */
        private Map<String, byte[]> files;

        private Map<String, byte[]> files() {
            if (files != null) {
                return files;
            }
            files = new LinkedHashMap<>();
            StringBuilder sums = new StringBuilder();
            context.assets.forEach((name, path) -> {
                try {
                    byte[] bytes = Files.readAllBytes(path);
                    files.put(name, bytes);
                    sums.append(sha256(bytes)).append("  ").append(name).append('\n');
                } catch (IOException e) {
                    throw new ReleaseError("Cannot read the asset " + path + ": " + e.getMessage(), e);
                }
            });
            String checksums = context.target.component().publish().checksums();
            if (checksums != null && !files.isEmpty()) {
                files.put(checksums, sums.toString().getBytes(StandardCharsets.UTF_8));
            }
            return files;
        }

        @Override
        public boolean isDone() {
            if (options.dryRun() && options.token() == null) {
                return false;
            }
            Optional<JsonNode> release = context.github.findRelease(context.repository(), context.target.tag());
            if (release.isEmpty() || release.get().path("draft").asBoolean(true)) {
                return false;
            }
            context.releaseUrl = release.get().path("html_url").asText(context.releaseUrl);
            Map<String, String> present = digests(release.get().path("id").asLong());
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                if (!("sha256:" + sha256(f.getValue())).equals(present.get(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        private Map<String, String> digests(long releaseId) {
            Map<String, String> present = new LinkedHashMap<>();
            context.github.assets(context.repository(), releaseId).forEach(a -> present.put(a.path("name").asText(), a.path("digest").asText()));
            return present;
        }

        private ObjectNode fields() {
            ObjectNode body = GitHubClient.object();
            body.put("tag_name", context.target.tag());
            body.put("name", context.target.tag());
            body.put("body", context.notes);
            body.put("prerelease", context.target.version().isPrerelease());
            return body;
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("[" + GITHUB_RELEASE + "] would create or update the release " + context.target.tag() + " of " + context.repository()
                    + " as a draft (prerelease: " + context.target.version().isPrerelease() + "), upload " + files().keySet()
                    + ", then publish it with make_latest " + makeLatest() + "; notes:\n" + context.notes.strip());
        }

        @Override
        public void execute() {
            String repository = context.repository();
            Optional<JsonNode> existing = context.github.findRelease(repository, context.target.tag());
            JsonNode release;
            if (existing.isPresent()) {
                release = context.github.updateRelease(repository, existing.get().path("id").asLong(), fields());
                log.info("[" + GITHUB_RELEASE + "] found the release " + context.target.tag() + " (id " + release.path("id").asLong()
                        + "); notes updated");
            } else {
                ObjectNode create = fields();
                create.put("draft", true);
                release = context.github.createRelease(repository, create);
                log.info("[" + GITHUB_RELEASE + "] created the draft release " + context.target.tag());
            }
            long id = release.path("id").asLong();
            Map<String, JsonNode> present = new LinkedHashMap<>();
            context.github.assets(repository, id).forEach(a -> present.put(a.path("name").asText(), a));
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                String digest = "sha256:" + sha256(f.getValue());
                JsonNode asset = present.get(f.getKey());
                if (asset != null && digest.equals(asset.path("digest").asText())) {
                    log.info("[" + GITHUB_RELEASE + "] asset " + f.getKey() + " is there already");
                    continue;
                }
                if (asset != null) {
                    log.info("[" + GITHUB_RELEASE + "] asset " + f.getKey() + " differs (" + asset.path("digest").asText() + "); replacing it");
                    context.github.deleteAsset(repository, asset.path("id").asLong());
                }
                uploadOnce(release, f.getKey(), f.getValue(), digest);
                log.info("[" + GITHUB_RELEASE + "] uploaded " + f.getKey() + " (" + f.getValue().length + " bytes)");
            }
            ObjectNode publish = GitHubClient.object();
            publish.put("draft", false);
            publish.put("make_latest", makeLatest());
            JsonNode published = context.github.updateRelease(repository, id, publish);
            context.releaseUrl = published.path("html_url").asText(context.releaseUrl);
            context.record(GITHUB_RELEASE, context.releaseUrl);
            log.info("[" + GITHUB_RELEASE + "] published " + context.releaseUrl);
        }

        /** Uploads an asset; when a lost answer hides an upload that went through, the asset found with the same digest is kept. */
        private void uploadOnce(JsonNode release, String name, byte[] bytes, String digest) {
            try {
                context.github.uploadAsset(release.path("upload_url").asText(), name, bytes);
            } catch (ai.brokle.release.github.GitHubException e) {
                String found = digests(release.path("id").asLong()).get(name);
                if (!digest.equals(found)) {
                    throw e;
                }
            }
        }

        /** "false" for a pre-release and for a release below the component's highest stable one (a patch of an older line). */
        private String makeLatest() {
            SemVer version = context.target.version();
            if (version.isPrerelease()) {
                return "false";
            }
            boolean newer = context.git.releaseTags(context.target.component().tagPrefix()).stream().map(ReleaseTag::version)
                    .anyMatch(v -> !v.isPrerelease() && v.compareTo(version) > 0);
            return newer ? "false" : "true";
        }
    }

    /** A repository_dispatch event; GitHub cannot tell whether one was sent, so the publication record does. */
    private final class DispatchStep implements Step, Target {
        private final Context context;
        private final PublishConfig.Dispatch dispatch;

        DispatchStep(Context context, PublishConfig.Dispatch dispatch) {
            this.context = context;
            this.dispatch = dispatch;
        }

        @Override
        public String name() {
            return DISPATCH + ":" + dispatch.repository() + ":" + dispatch.eventType();
        }

        @Override
        public String target() {
            return dispatch.repository() + " (" + dispatch.eventType() + ")";
        }

        @Override
        public boolean isDone() {
            return context.recorded(name());
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("[" + name() + "] would send repository_dispatch " + dispatch.eventType() + " to " + dispatch.repository()
                    + " with client_payload " + payload(dispatch.payload(), context));
        }

        @Override
        public void execute() {
            context.github.dispatch(dispatch.repository(), dispatch.eventType(), payload(dispatch.payload(), context));
            context.record(name(), dispatch.repository() + " " + dispatch.eventType());
            log.info("[" + name() + "] sent");
        }
    }

    /** The configured payload with {{version}}, {{tag}} and {{component}} filled in. */
    private static JsonNode payload(Map<String, Object> payload, Context context) {
        ObjectNode node = JSON.valueToTree(payload);
        return fill(node, context);
    }

    private static ObjectNode fill(ObjectNode node, Context context) {
        ObjectNode out = JSON.createObjectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), fillValue(e.getValue(), context)));
        return out;
    }

    private static JsonNode fillValue(JsonNode value, Context context) {
        if (value.isTextual()) {
            return JSON.getNodeFactory().textNode(value.asText().replace("{{version}}", context.target.version().toString())
                    .replace("{{tag}}", context.target.tag()).replace("{{component}}", context.target.component().name()));
        }
        if (value.isObject()) {
            return fill((ObjectNode) value, context);
        }
        if (value.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            value.forEach(v -> out.add(fillValue(v, context)));
            return out;
        }
        return value;
    }

    /** A Slack (Block Kit) or Discord (embed) message; a failure is a warning, and the record stays without it so that a re-run sends it. */
    private final class NotifyStep implements Step, Target {
        private final Context context;
        private final String kind;
        private final Webhook webhook;

        NotifyStep(Context context, String kind, Webhook webhook) {
            this.context = context;
            this.kind = kind;
            this.webhook = webhook;
        }

        @Override
        public String name() {
            return kind;
        }

        @Override
        public String target() {
            return kind.equals(SLACK) ? "SLACK_WEBHOOK_URL" : "DISCORD_WEBHOOK_URL";
        }

        @Override
        public boolean isDone() {
            return context.recorded(kind);
        }

        private String title() {
            String product = context.target.component().releaseNotes().title();
            return (product == null ? context.target.component().name() : product) + " " + context.target.tag() + " released";
        }

        private JsonNode message() {
            String highlights = context.highlights.isEmpty() ? "See the release notes." : "• " + String.join("\n• ", context.highlights);
            String compare = context.target.links() == null ? null : context.target.links().base();
            if (kind.equals(SLACK)) {
                ObjectNode m = JSON.createObjectNode();
                m.put("text", title());
                ArrayNode blocks = m.putArray("blocks");
                ObjectNode header = blocks.addObject();
                header.put("type", "header");
                header.putObject("text").put("type", "plain_text").put("text", title());
                ObjectNode section = blocks.addObject();
                section.put("type", "section");
                section.putObject("text").put("type", "mrkdwn").put("text", "*Version* " + context.target.version() + "\n*Highlights*\n" + highlights);
                List<String> link = new ArrayList<>();
                if (context.releaseUrl != null) {
                    link.add("<" + context.releaseUrl + "|Release notes>");
                }
                if (compare != null) {
                    link.add("<" + compare + "|Repository>");
                }
                if (!link.isEmpty()) {
                    ObjectNode links = blocks.addObject();
                    links.put("type", "context");
                    links.putArray("elements").addObject().put("type", "mrkdwn").put("text", String.join(" · ", link));
                }
                return m;
            }
            ObjectNode m = JSON.createObjectNode();
            ObjectNode embed = m.putArray("embeds").addObject();
            embed.put("title", title());
            if (context.releaseUrl != null) {
                embed.put("url", context.releaseUrl);
            }
            embed.put("description", highlights);
            embed.put("color", context.target.version().isPrerelease() ? 0xF59E0B : 0x22C55E);
            ArrayNode fields = embed.putArray("fields");
            fields.addObject().put("name", "Version").put("value", context.target.version().toString()).put("inline", true);
            fields.addObject().put("name", "Component").put("value", context.target.component().name()).put("inline", true);
            return m;
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("[" + kind + "] would post to the webhook of " + target() + ": " + message());
        }

        @Override
        public void execute() {
            String failure = webhook.post(message());
            if (failure != null) {
                log.warn("[" + kind + "] notification not sent: " + failure + "; the release goes on (run perform again to send it)");
                return;
            }
            context.record(kind, target());
            log.info("[" + kind + "] sent");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
