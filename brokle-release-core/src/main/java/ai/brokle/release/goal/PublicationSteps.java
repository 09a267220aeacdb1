package ai.brokle.release.goal;

import ai.brokle.release.changelog.ChangeEntry;
import ai.brokle.release.changelog.ChangeHistory;
import ai.brokle.release.changelog.ReleaseChanges;
import ai.brokle.release.changelog.ReleaseHistory;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.config.EmailConfig;
import ai.brokle.release.config.PublishConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import ai.brokle.release.http.Sleeper;
import ai.brokle.release.notify.EmailStep;
import ai.brokle.release.notify.NotifyStep;
import ai.brokle.release.notify.Webhook;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.publish.github.DispatchStep;
import ai.brokle.release.publish.github.GitHubClient;
import ai.brokle.release.publish.github.GitHubReleaseStep;
import ai.brokle.release.publish.image.ImagePublication;
import ai.brokle.release.publish.npm.NpmPublication;
import ai.brokle.release.publish.pypi.PypiPublication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The steps that publish a release tag, one factory per kind, from which each publishing goal
 * takes the ones it includes: {@code perform} all of them, {@code publish-pypi} the PyPI upload,
 * {@code dispatch} the dispatches.
 */
final class PublicationSteps {
    static final List<String> KINDS = List.of(PypiPublication.NAME, NpmPublication.NAME, ImagePublication.NAME, GitHubReleaseStep.NAME,
            DispatchStep.KIND, NotifyStep.SLACK, NotifyStep.DISCORD, EmailStep.NAME);
    private static final int HIGHLIGHTS = 5;

    private final ReleaseRun run;
    private final PerformOptions options;
    private final ReleaseTarget target;
    private final Credentials credentials;
    private GitHubClient github;

    PublicationSteps(ReleaseRun run, PerformOptions options, GitHubActions actions) {
        this.run = run;
        this.options = options;
        this.target = run.target;
        this.credentials = options.release().credentials().masking(actions::mask);
    }

    /** The GitHub token: the settings.xml one, else GITHUB_TOKEN, else GH_TOKEN; null when none. */
    private String token() {
        return credentials.token(Credentials.Purpose.GITHUB).orElse(null);
    }

    private GitHubClient github() {
        if (github == null) {
            github = new GitHubClient(GitHubEnvironment.apiUrl(target.config().github(), options.release()), token(), options.retry(),
                    Sleeper.REAL, run.log);
        }
        return github;
    }

    PypiPublication pypi() {
        return new PypiPublication(run.git.workTree(), target, options.release().environment(), credentials, options.retry(), run.log);
    }

    NpmPublication npm() {
        return new NpmPublication(run.git.workTree(), target, options.release().environment(), credentials, options.distTag(), run.log);
    }

    ImagePublication images() {
        return new ImagePublication(run.git, target, credentials, options.release().environment(), imageOutput(options), run.log);
    }

    /** Where images are built: {@code target/brokle-release/images} under the base directory. */
    static Path imageOutput(PerformOptions options) {
        return options.release().baseDirectory().resolve("target").resolve("brokle-release").resolve("images");
    }

    List<Step> dispatches() {
        List<Step> steps = new ArrayList<>();
        for (PublishConfig.Dispatch d : target.component().publish().dispatches()) {
            steps.add(DispatchStep.of(target, d, github(), credentials.has(Credentials.Purpose.GITHUB), run.log,
                    options.release().commands()));
        }
        return steps;
    }

    /** The release's notes: the tag's message for a change-file component, else rendered from its commits. */
    ReleaseNotesText notes() {
        if (target.commit() == null) {
            return new ReleaseNotesText(null, null);
        }
        if (target.component().changesets()) {
            return new ReleaseNotesText(run.git.tagMessage(target.tag()).orElse(""), null);
        }
        ReleaseChanges changes = ReleaseHistory.release(run.git, target.component(), target.links(), target.commit(), target.version(),
                target.tag(), ChangeHistory.date(run.git.tagTime(target.tag())));
        String template = ReleaseHistory.template(run.git.workTree(), target.component(), run.problems);
        return new ReleaseNotesText(ReleaseHistory.notes(template, target.component()).render(changes), changes);
    }

    /** The notes as text, and the changes they were rendered from (null for a change-file component). */
    record ReleaseNotesText(String text, ReleaseChanges changes) {
        /** Highlights for notifications: the Highlight footers, else the first features and fixes, else the notes' first entries. */
        List<String> highlights() {
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
            } else if (text != null) {
                text.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).replaceFirst("^[0-9a-f]{7}: ", "")).forEach(out::add);
            }
            return out.subList(0, Math.min(HIGHLIGHTS, out.size()));
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    GitHubReleaseStep githubRelease(String notes) {
        return new GitHubReleaseStep(target, github(), credentials.has(Credentials.Purpose.GITHUB), notes, run.git.workTree(), run.releases(), releaseUrl(), run.log);
    }

    /** The release's address before GitHub gives its own: from the repository's links, else from the configured API. */
    private String releaseUrl() {
        if (target.links() != null) {
            return target.links().tag(target.tag());
        }
        if (target.repository() == null) {
            return null;
        }
        return GitHubEnvironment.webUrl(target.config().github(), options.release()) + "/" + target.repository() + "/releases/tag/"
                + target.tag();
    }

    /**
     * Slack and Discord messages of the configured notifiers whose webhook URL is set (a notifier
     * without one is a warning unless skipped), and the email with the whole notes.
     */
    List<Step> notifications(ReleaseNotesText notes, Supplier<String> url, Set<String> skipped) {
        List<Step> steps = new ArrayList<>();
        List<String> highlights = notes.highlights();
        for (String notifier : target.component().publish().notifications()) {
            if (notifier.equals(EmailStep.NAME)) {
                EmailConfig email = target.config().email();
                Login login = credentials.server(email.serverId()).orElse(null);
                if (login == null) {
                    String password = credentials.secretVariable(email.passwordEnv()).orElse(null);
                    String user = options.release().env(email.usernameEnv());
                    // without a user, the sender's address logs in, as most submission servers expect
                    login = password == null ? null : new Login(user == null || user.isBlank() ? EmailStep.address(email.from()) : user, password);
                }
                steps.add(new EmailStep(target, email, login, notes.text(), url, run.log));
                continue;
            }
            String variable = NotifyStep.variable(notifier);
            String webhook = options.release().env(variable);
            if (webhook == null) {
                if (!skipped.contains(notifier)) {
                    run.log.warn("[" + notifier + "] not sent: " + variable + " is not set");
                }
                continue;
            }
            steps.add(new NotifyStep(target, notifier, new Webhook(webhook, variable, options.retry(), run.log), highlights, url, run.log));
        }
        return steps;
    }
}
