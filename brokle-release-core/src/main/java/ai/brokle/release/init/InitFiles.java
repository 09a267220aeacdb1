package ai.brokle.release.init;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@code init} writes for a layout: a commented {@code .brokle-release.yml} and the
 * GitHub Actions workflows of the strategy, each job with the least permissions it needs
 * ({@code permissions: {}} at the top, granted per job).
 */
public final class InitFiles {
    public static final String CONFIG = ".brokle-release.yml";
    /** The line each workflow init writes carries, by which a later init knows its own jobs. */
    static final String WRITTEN_BY = "# Written by brokle-release init";
    /** The ids of the jobs init writes. */
    static final java.util.Set<String> JOBS = java.util.Set.of("validate", "test", "build", "approve", "images", "perform", "prepare", "publish");
    // the current majors (Node 24 runtimes); a repository's own newer major is kept
    private static final String CHECKOUT = "actions/checkout@v6";
    private static final String SETUP_JAVA = "actions/setup-java@v5";
    private static final String CACHE = "actions/cache@v5";
    private static final String SETUP_GO = "actions/setup-go@v6";
    private static final String SETUP_NODE = "actions/setup-node@v6";
    private static final String SETUP_PYTHON = "actions/setup-python@v6";
    private static final String UPLOAD = "actions/upload-artifact@v6";
    private static final String DOWNLOAD = "actions/download-artifact@v7";
    private static final String APP_TOKEN = "actions/create-github-app-token@v2";
    private static final String ATTEST = "actions/attest-build-provenance@v3";
    private static final String ATTESTING = "      id-token: write            # artifact attestations: signed with the job's OIDC identity\n"
            + "      attestations: write\n";
    private static final String DOWNLOAD_BINARIES = "      - uses: " + DOWNLOAD + "\n        with:\n          pattern: bin-*\n"
            + "          path: bin\n          merge-multiple: true\n";

    private final Layout layout;
    private final Adoption adoption;
    private final String plugin;

    /**
     * @param adoption what the repository has already, which the files keep
     * @param plugin the plugin's coordinates, {@code ai.brokle:brokle-release-maven-plugin:<version>}
     */
    public InitFiles(Layout layout, Adoption adoption, String plugin) {
        this.layout = layout;
        this.adoption = adoption;
        this.plugin = plugin;
    }

    /** Path (relative to the repository root) → content, in the order they are written. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CONFIG, config());
        files.putAll(adoption.callable());
        switch (layout.kind()) {
            case PLATFORM -> {
                files.put(".github/workflows/release.yml", platformRelease());
                if (!layout.submodules().isEmpty()) {
                    files.put(".github/workflows/validate-submodules.yml", validateSubmodules());
                    files.put(".github/workflows/update-submodules.yml", updateSubmodules());
                }
            }
            case PYTHON -> files.put(".github/workflows/publish.yml", pythonPublish());
            case JAVASCRIPT -> {
                files.put(".github/workflows/release.yml", javascriptRelease());
                if (layout.changesets()) {
                    files.put(".github/workflows/changeset-status.yml", changesetStatus());
                }
            }
            default -> throw new IllegalStateException();
        }
        files.put(".github/workflows/release-pr.yml", releasePr());
        files.put(DependabotFile.PATH, adoption.dependabot());
        return files;
    }

    private String owner() {
        return layout.owner() == null ? "your-org" : layout.owner().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- configuration

    String config() {
        StringBuilder y = new StringBuilder();
        y.append("# brokle-release configuration, written by `init`. Every key: docs/configuration.md of brokle-release.\n");
        y.append("# Found: ").append(found()).append("\n");
        y.append("releaseBranch: main\n");
        if (layout.owner() != null) {
            y.append("github:\n  repository: ").append(layout.owner()).append('/').append(layout.repository())
                    .append("      # where releases and dispatches go\n");
        } else {
            y.append("# github:\n#   repository: your-org/your-repo   # needed by perform when the remote is not on github.com\n");
        }
        if (jibImages()) {
            y.append("registries:\n  ghcr.io: {usernameEnv: GITHUB_ACTOR, passwordEnv: GITHUB_TOKEN}   # in Actions; packages: write\n");
            y.append("  # docker.io: {usernameEnv: DOCKERHUB_USERNAME, passwordEnv: DOCKERHUB_TOKEN}\n");
        }
        if (!layout.submodules().isEmpty()) {
            y.append("submodules:                          # SDKs pinned as submodules: validate-submodules, update-submodules\n");
            layout.submodules().forEach((path, sdk) -> {
                y.append("  ").append(path).append(":\n");
                y.append("    name: ").append(sdkName(sdk)).append('\n');
                y.append("    sdk: ").append(sdk).append("                 # how sdk-released dispatches name it\n");
                String found = adoption.sdkPrefixes().get(path);
                y.append("    tagPrefix: ").append(found != null ? found + "                # as its remote tags" : sdkPrefix(sdk)).append('\n');
            });
        }
        y.append("components:\n  ").append(layout.name()).append(":\n    path: .\n");
        y.append("    tagPrefix: ").append(layout.tagPrefix()).append("               # release tags: ").append(layout.tagPrefix())
                .append(layout.kind() == Layout.Kind.PYTHON ? "1.2.3" : layout.kind() == Layout.Kind.JAVASCRIPT ? "0.5.0" : "3.2.1").append('\n');
        List<String> earlier = layout.prefixesFound().stream().filter(p -> !p.equals(layout.tagPrefix())).toList();
        if (!earlier.isEmpty()) {
            y.append("    previousTagPrefixes: [").append(String.join(", ", earlier.stream().map(p -> "'" + p + "'").toList()))
                    .append("]   # tags found under other prefixes: earlier releases, so the version goes on from them\n");
        } else if (!layout.tagPrefix().equals(layout.kind().defaultPrefix()) && !layout.prefixesFound().isEmpty()) {
            y.append("    # to tag as the release strategy does (").append(layout.kind().defaultPrefix()).append("1.2.3), set tagPrefix: ")
                    .append(layout.kind().defaultPrefix()).append(" and previousTagPrefixes: ['").append(layout.tagPrefix())
                    .append("'] (the existing tags stay releases)\n");
        }
        if (layout.kind() == Layout.Kind.JAVASCRIPT && layout.changesets()) {
            y.append("    versioning: changesets       # versions and CHANGELOGs from the change files in .changeset/\n");
        } else {
            if (layout.changelog() != null) {
                y.append("    changelog: ").append(layout.changelog()).append("       # Keep a Changelog sections from conventional commits\n");
            } else {
                y.append("    # changelog: CHANGELOG.md    # uncomment to keep a changelog from conventional commits\n");
            }
        }
        if (!layout.versionFiles().isEmpty() || !adoption.constants().isEmpty()) {
            y.append("    versionFiles:                # files that carry the version; prepare updates them, validate checks them\n");
            layout.versionFiles().forEach(f -> y.append("      - path: ").append(f).append('\n'));
            adoption.constants().forEach(c -> y.append("      - path: ").append(c.path()).append("   # the version the UI shows\n")
                    .append("        pattern: '").append(c.pattern().replace("'", "''")).append("'\n"));
        } else if (!(layout.kind() == Layout.Kind.JAVASCRIPT && layout.changesets())) {
            y.append("    # versionFiles:\n    #   - path: VERSION\n    #     pattern: '{{version}}'\n");
        }
        switch (layout.kind()) {
            case PLATFORM -> {
                if (!binaries().isEmpty()) {
                    y.append("    githubRelease:\n      assets: ['dist/*']           # the binaries the release workflow builds, and SHA256SUMS\n");
                }
                if (!jibImages() && adoption.release() != null && !adoption.release().images().isEmpty()) {
                    y.append("    # images: built from their Dockerfiles by the release workflow (").append(String.join(", ",
                            adoption.release().imageNames())).append(");\n    # Jib builds no Dockerfile, so brokle-release does not build them\n");
                }
                if (jibImages()) {
                    y.append("    images:                      # built with Jib for each platform from bin/<os>-<arch>/<command>\n");
                    for (Adoption.Binary binary : binaries()) {
                        String command = binary.name();
                        y.append("      - name: ").append(command).append('\n');
                        y.append("        repositories: [ghcr.io/").append(owner()).append('/').append(command).append("]\n");
                        y.append("        from: gcr.io/distroless/static-debian12:nonroot   # pin by digest for reproducible images\n");
                        y.append("        platforms: [linux/amd64, linux/arm64]\n");
                        y.append("        layers:\n          - {from: 'bin/{os}-{arch}/").append(command).append("', to: /app/").append(command)
                                .append(", mode: 755}\n");
                        y.append("        entrypoint: [/app/").append(command).append("]\n");
                    }
                }
                y.append("    notify: [slack, discord]     # SLACK_WEBHOOK_URL and DISCORD_WEBHOOK_URL; a missing one is skipped; email: see the email section\n");
            }
            case PYTHON -> {
                y.append("    pypi: {}                     # PyPI; pre-releases go to TestPyPI; Trusted Publishing in Actions\n");
                y.append(dispatchComment("python"));
            }
            case JAVASCRIPT -> {
                y.append("    npm:\n      access: public             # latest for stable versions, the channel (beta, rc) for pre-releases\n");
                y.append(dispatchComment("javascript"));
            }
            default -> throw new IllegalStateException();
        }
        return y.toString();
    }

    private String dispatchComment(String sdk) {
        return "    # Tell the platform, whose update-submodules workflow listens (needs a token allowed on that repository):\n"
                + "    # dispatch:\n    #   - repository: " + owner() + "/brokle\n    #     eventType: sdk-released\n"
                + "    #     payload: {sdk: " + sdk + ", version: '{{version}}', tag: '{{tag}}'}\n";
    }

    private String found() {
        StringBuilder f = new StringBuilder(switch (layout.kind()) {
            case PLATFORM -> "a platform repository";
            case PYTHON -> "a Python package" + (layout.packageName() == null ? "" : " (" + layout.packageName() + ")");
            case JAVASCRIPT -> "an npm " + (layout.changesets() ? "workspace with Changesets" : "package")
                    + (layout.packageName() == null ? "" : " (" + layout.packageName() + ")");
        });
        if (!layout.prefixesFound().isEmpty()) {
            f.append("; release tags with prefix ").append(String.join(", ", layout.prefixesFound().stream().map(p -> "'" + p + "'").toList()));
        }
        if (!layout.submodules().isEmpty()) {
            f.append("; submodules ").append(String.join(", ", layout.submodules().keySet()));
        }
        if (!layout.commands().isEmpty()) {
            f.append("; commands ").append(String.join(", ", layout.commands()));
        }
        return f.toString();
    }

    private static String sdkName(String sdk) {
        return switch (sdk) {
            case "python" -> "Python SDK";
            case "javascript" -> "JavaScript SDK";
            default -> sdk;
        };
    }

    private static String sdkPrefix(String sdk) {
        return switch (sdk) {
            case "python" -> "python-v";
            case "javascript" -> "js-v";
            default -> "v";
        };
    }


    // ---------------------------------------------------------------- workflows

    private String header(String name, String comment) {
        return "# " + comment + "\n" + WRITTEN_BY + "; see docs/ci.md of brokle-release.\nname: " + name + "\n";
    }

    /** Checkout with every tag and no token left in .git/config, Java, and the plugin's Maven cache. */
    private String javaSteps() {
        return checkout(true) + "      - uses: " + SETUP_JAVA + "\n        with:\n          distribution: temurin\n          java-version: '17'\n"
                + "      - uses: " + CACHE + "               # the plugin and its dependencies, once per plugin version\n        with:\n"
                + "          path: ~/.m2/repository\n          key: brokle-release-${{ runner.os }}-" + plugin.substring(plugin.lastIndexOf(':') + 1) + "\n";
    }

    private static String checkout(boolean history) {
        return "      - uses: " + CHECKOUT + "\n        with:\n" + (history ? "          fetch-depth: 0             # every tag, for versions and changelogs\n" : "")
                + "          persist-credentials: false\n";
    }

    private static String jobHead(String id, List<String> needs, int timeout, String permissions) {
        return "  " + id + ":\n" + (needs.isEmpty() ? "" : "    needs: [" + String.join(", ", needs) + "]\n") + "    runs-on: ubuntu-latest\n"
                + "    timeout-minutes: " + timeout + "\n    permissions:" + (permissions.isEmpty() ? " {}\n" : "\n" + permissions);
    }

    private static String concurrency(String group, boolean cancel) {
        return "concurrency:\n  group: " + group + "\n  cancel-in-progress: " + cancel + "\n";
    }

    private static final String READ = "      contents: read\n";

    private String goal(String goal) {
        return "mvn -B " + plugin + ":" + goal;
    }

    private String tagPattern() {
        return "      - '" + layout.tagPrefix() + "[0-9]+.[0-9]+.[0-9]+'\n      - '" + layout.tagPrefix() + "[0-9]+.[0-9]+.[0-9]+-*'\n";
    }

    /** A GitHub App token: it may push to a protected main (with the App allowed to bypass) and what it pushes starts workflows. */
    private static String appToken() {
        return "      - id: app-token             # a GitHub App's token: GITHUB_TOKEN's pushes and pull requests start no workflow\n"
                + "        uses: " + APP_TOKEN + "\n        with:\n          app-id: ${{ vars.RELEASE_APP_ID }}\n"
                + "          private-key: ${{ secrets.RELEASE_APP_PRIVATE_KEY }}\n";
    }

    private static String gitIdentity() {
        return "      - run: |\n          git config user.name 'github-actions[bot]'\n"
                + "          git config user.email '41898282+github-actions[bot]@users.noreply.github.com'\n";
    }

    /** The binaries the platform builds: as the existing release workflow builds them, else one per command under cmd/. */
    List<Adoption.Binary> binaries() {
        if (layout.kind() != Layout.Kind.PLATFORM) {
            return List.of();
        }
        if (adoption.release() != null && !adoption.release().binaries().isEmpty()) {
            return adoption.release().binaries();
        }
        return layout.commands().stream().map(c -> new Adoption.Binary(c, "./cmd/" + c, "")).toList();
    }

    /** Whether brokle-release builds the images (Jib, from the binaries): not when the repository builds them from Dockerfiles. */
    boolean jibImages() {
        return layout.kind() == Layout.Kind.PLATFORM && !binaries().isEmpty() && (adoption.release() == null || adoption.release().images().isEmpty());
    }

    /** The validate job: the release checks, and the tag as outputs version and is_prerelease (what kept jobs read). */
    private String validateJob(String condition) {
        return jobHead("validate", List.of(), 15, READ).replace("    runs-on:", condition == null ? "    runs-on:" : "    if: " + condition + "\n    runs-on:")
                + "    outputs:\n      version: ${{ steps.tag.outputs.version }}\n      is_prerelease: ${{ steps.tag.outputs.is_prerelease }}\n"
                + "    steps:\n" + javaSteps()
                + "      - run: " + goal("validate") + "   # the tag is on main, version files and changelog agree\n"
                + "      - id: tag\n        env:\n          TAG: ${{ github.ref_name }}\n        run: |\n"
                + "          echo \"version=${TAG}\" >> \"$GITHUB_OUTPUT\"\n"
                + "          case \"$TAG\" in *-*) echo is_prerelease=true ;; *) echo is_prerelease=false ;; esac >> \"$GITHUB_OUTPUT\"\n";
    }

    /** The jobs that test the tagged commit (the repository's test gate, its CI's test jobs, or a default), and their ids. */
    private Map.Entry<String, List<String>> testJobs(List<String> needs) {
        StringBuilder w = new StringBuilder();
        List<String> ids = new ArrayList<>();
        if (adoption.release() != null && !adoption.release().gates().isEmpty()) {
            for (WorkflowFile.Job gate : adoption.release().gates()) {
                w.append(withPermissions(gate.withNeeds(needs), gate));
                ids.add(gate.id());
            }
        } else if (adoption.testGate() != null) {
            String called = adoption.testGate().substring(2);
            WorkflowFile ci = adoption.workflows().get(called);
            w.append("  test:\n    needs: [").append(String.join(", ", needs)).append("]\n    permissions:\n").append(READ)
                    .append("    uses: ").append(adoption.testGate()).append("   # the repository's CI, run on the tagged commit\n");
            if (ci != null && ci.text().contains("secrets.")) {
                w.append("    secrets: inherit                 # its jobs read secrets\n");
            }
            ids.add("test");
        } else {
            w.append(defaultTests(needs));
            ids.add("test");
        }
        return Map.entry(w.toString(), ids);
    }

    /** A kept job that grants nothing of its own gets contents: read (the workflow grants nothing at the top). */
    private static String withPermissions(String text, WorkflowFile.Job job) {
        if (job.node().has("permissions")) {
            return text;
        }
        int firstLine = text.indexOf('\n') + 1;
        int after = text.startsWith("    needs:", firstLine) ? text.indexOf('\n', firstLine) + 1 : firstLine;
        return text.substring(0, after) + "    permissions:\n" + READ + text.substring(after);
    }

    private String defaultTests(List<String> needs) {
        StringBuilder w = new StringBuilder(jobHead("test", needs, 30, READ));
        switch (layout.kind()) {
            case PLATFORM -> w.append("    steps:\n").append(checkout(false)).append("      - uses: ").append(SETUP_GO)
                    .append("\n        with:\n          go-version-file: go.mod\n      - run: go test ./...\n");
            case PYTHON -> w.append("    strategy:\n      matrix:\n        python-version: ['3.9', '3.10', '3.11', '3.12']\n    steps:\n")
                    .append(checkout(false)).append("      - uses: ").append(SETUP_PYTHON).append("\n        with:\n")
                    .append("          python-version: ${{ matrix.python-version }}\n")
                    .append("      - run: python -m pip install -e . pytest && python -m pytest\n");
            case JAVASCRIPT -> w.append("    steps:\n").append(checkout(false)).append(nodeSteps())
                    .append("      - run: ").append(layout.pnpm() ? "pnpm test" : "npm test").append('\n');
            default -> throw new IllegalStateException();
        }
        return w.toString();
    }

    private String nodeSteps() {
        StringBuilder w = new StringBuilder();
        if (layout.pnpm()) {
            w.append("      - uses: pnpm/action-setup@v4\n");
            if (adoption.pnpmVersion() != null) {
                w.append("        with:\n          version: ").append(adoption.pnpmVersion()).append('\n');
            }
        }
        w.append("      - uses: ").append(SETUP_NODE).append("\n        with:\n          node-version: ")
                .append(adoption.nodeVersion() != null ? adoption.nodeVersion() : "24").append('\n');
        w.append("      - run: ").append(layout.pnpm() ? "pnpm install --frozen-lockfile" : "npm ci").append('\n');
        return w.toString();
    }

    /** The approval gate: one job in the production environment that every publishing job waits for. */
    private static String approveJob(List<String> needs) {
        return jobHead("approve", needs, 5, "").replace("    permissions: {}\n", "    environment: production      # a person approves here;"
                + " nothing is pushed or published before\n    permissions: {}\n")
                + "    steps:\n      - run: echo \"Approved, publishing ${TAG}\"\n        env:\n          TAG: ${{ github.ref_name }}\n";
    }

    String platformRelease() {
        List<Adoption.Binary> binaries = binaries();
        boolean build = !binaries.isEmpty();
        StringBuilder w = new StringBuilder(header("Release", "Platform release on a tag: validate, test, build the binaries, approve, push the"
                + " images, publish."));
        w.append("on:\n  push:\n    tags:\n").append(tagPattern());
        w.append("permissions: {}\n").append(concurrency("release-${{ github.ref }}", false)).append("jobs:\n");
        w.append(validateJob(null));
        Map.Entry<String, List<String>> tests = testJobs(List.of("validate"));
        w.append(tests.getKey());
        List<String> gated = new ArrayList<>(List.of("validate"));
        gated.addAll(tests.getValue());
        if (build) {
            w.append(jobHead("build", gated, 30, READ));
            w.append("    strategy:\n      matrix:\n        goos: [linux]\n        goarch: [amd64, arm64]\n    steps:\n").append(checkout(false));
            w.append("      - uses: ").append(SETUP_GO).append("\n        with:\n");
            w.append(adoption.goVersion() != null ? "          go-version: '" + adoption.goVersion() + "'\n" : "          go-version-file: go.mod\n");
            w.append("      - name: Build\n        env:\n          GOOS: ${{ matrix.goos }}\n          GOARCH: ${{ matrix.goarch }}\n          CGO_ENABLED: '0'\n");
            w.append("          VERSION: ${{ github.ref_name }}\n        run: |\n");
            String stamp = adoption.goVersionVariable() == null ? "" : " -X " + adoption.goVersionVariable() + "=${VERSION}";
            for (Adoption.Binary b : binaries) {
                w.append("          go build -trimpath").append(b.tags().isEmpty() ? "" : " -tags=" + b.tags()).append(" -ldflags \"-s -w").append(stamp)
                        .append("\" -o \"bin/${GOOS}-${GOARCH}/").append(b.name()).append("\" ").append(b.pkg()).append('\n');
            }
            w.append("      - uses: ").append(UPLOAD).append("\n        with:\n          name: bin-${{ matrix.goos }}-${{ matrix.goarch }}\n");
            w.append("          path: bin/\n          if-no-files-found: error\n");
            gated.add("build");
        }
        w.append(approveJob(gated));
        List<String> publishing = new ArrayList<>(List.of("approve"));
        if (jibImages()) {
            w.append(jobHead("images", List.of("approve"), 30, "      contents: write            # the publication record\n"
                    + "      packages: write            # ghcr.io, and the attestations pushed beside the images\n" + ATTESTING));
            w.append("    steps:\n").append(javaSteps()).append(DOWNLOAD_BINARIES);
            w.append("      - id: images\n        run: ").append(goal("images"))
                    .append("   # Jib, no Docker daemon: X.Y.Z, X.Y, X; latest for stable releases only\n");
            w.append("        env:\n          GITHUB_ACTOR: ${{ github.actor }}\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n");
            for (Adoption.Binary binary : binaries()) {
                // each image's index, as the images goal pushed it (its digest-<name> output)
                w.append("      - uses: ").append(ATTEST).append("\n        with:\n          subject-name: ghcr.io/").append(owner()).append('/')
                        .append(binary.name()).append("\n          subject-digest: ${{ steps.images.outputs.digest-").append(binary.name())
                        .append(" }}\n          push-to-registry: true\n");
            }
            publishing.add("images");
        }
        if (adoption.release() != null) {
            for (WorkflowFile.Job job : adoption.release().images()) {
                w.append(withPermissions(job.withNeeds(keptNeeds(job, List.of("approve"))), job));
                publishing.add(job.id());
            }
            for (WorkflowFile.Job job : adoption.release().kept()) {
                w.append(withPermissions(job.withNeeds(keptNeeds(job, List.of())), job));
            }
        }
        List<String> performNeeds = new ArrayList<>(publishing);
        if (build) {
            performNeeds.add("build");
        }
        performNeeds.addAll(tests.getValue());
        w.append(jobHead("perform", performNeeds, 30, "      contents: write            # the GitHub release and the publication record\n"
                + (build ? ATTESTING : "")));
        w.append("    steps:\n").append(javaSteps());
        if (build) {
            w.append(DOWNLOAD_BINARIES);
            w.append("      - name: Name the release assets\n        run: |\n          mkdir -p dist\n");
            w.append("          for f in bin/*/*; do cp \"$f\" \"dist/$(basename \"$f\")-$(basename \"$(dirname \"$f\")\")\"; done\n");
            w.append("          (cd dist && sha256sum -- * > SHA256SUMS.txt)\n");
            w.append("      - uses: ").append(ATTEST).append("   # gh attestation verify <file> --repo <owner/repo>\n        with:\n")
                    .append("          subject-path: 'dist/*'\n");
        }
        String last = publishing.get(publishing.size() - 1);
        w.append(performSteps(jibImages() ? " -Dbrokle.perform.skipSteps=images" : "", "          SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}\n"
                + "          DISCORD_WEBHOOK_URL: ${{ secrets.DISCORD_WEBHOOK_URL }}\n",
                // what this pipeline ran, from the results of the jobs perform waited for: never a literal
                "tests=${{ needs." + tests.getValue().get(0) + ".result }},ci=${{ needs." + last + ".result }}"));
        return w.toString();
    }

    /** A kept job's needs: its own, the replaced ones mapped to init's jobs, and {@code extra}. */
    private List<String> keptNeeds(WorkflowFile.Job job, List<String> extra) {
        java.util.LinkedHashSet<String> needs = new java.util.LinkedHashSet<>();
        for (String n : job.needs()) {
            String standIn = adoption.release().standIn(n);
            if (standIn != null) {
                needs.add(standIn);
            }
        }
        needs.addAll(extra);
        return List.copyOf(needs);
    }

    /**
     * The perform step (after {@code rest} of its command line, with GITHUB_TOKEN and {@code env}) and
     * the checklist, given the results of what this pipeline ran ({@code key=${{ ... }}}).
     */
    private String performSteps(String rest, String env, String passed) {
        return "      - id: perform\n        run: " + goal("perform") + rest + "\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n" + env
                + "      - run: " + goal("checklist") + (passed == null ? "" : " -Dbrokle.passed=" + passed) + "\n";
    }

    String validateSubmodules() {
        StringBuilder w = new StringBuilder(header("Validate submodules", "Pull requests: each SDK submodule must sit on an SDK release,"
                + " and the compatibility matrix must be current."));
        w.append("on:\n  pull_request:\n    paths:\n      - .gitmodules\n      - docs/SDK_COMPATIBILITY.md\n");
        layout.submodules().keySet().forEach(p -> w.append("      - ").append(p).append('\n'));
        w.append("permissions: {}\n").append(concurrency("validate-submodules-${{ github.ref }}", true)).append("jobs:\n");
        w.append(jobHead("validate-submodules", List.of(), 15, READ)).append("    steps:\n").append(javaSteps());
        w.append("      - run: ").append(goal("validate-submodules")).append('\n');
        w.append("        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}   # reads the SDK remotes\n");
        w.append("      - if: hashFiles('docs/SDK_COMPATIBILITY.md') != ''\n        run: ").append(goal("compatibility-matrix"))
                .append(" -Dbrokle.check=true\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n");
        return w.toString();
    }

    String updateSubmodules() {
        StringBuilder w = new StringBuilder(header("Update SDK submodules",
                "When an SDK is released (repository_dispatch sdk-released) or by hand: move the submodules to the SDK releases in one pull"
                        + " request, with docs/SDK_COMPATIBILITY.md refreshed, merged by itself once its checks pass."));
        w.append("on:\n  repository_dispatch:\n    types: [sdk-released]\n  workflow_dispatch:\n    inputs:\n      prerelease:\n");
        w.append("        description: Move to pre-releases too\n        type: boolean\n        default: false\n");
        w.append("permissions: {}\n").append(concurrency("update-submodules", false)).append("jobs:\n");
        w.append(jobHead("update-submodules", List.of(), 15, READ + "      # the App token pushes the bot branch and opens the pull request, so CI runs on it\n"));
        w.append("    steps:\n").append(appToken()).append(javaSteps()).append(gitIdentity());
        w.append("      - run: ").append(goal("update-submodules")).append(" -Dbrokle.branch=bot/update-sdk-submodules")
                .append(" -Dbrokle.updateSubmodules.prereleases=\"${PRERELEASE}\" -Dbrokle.autoMerge=squash\n");
        w.append("        env:\n          PRERELEASE: ${{ inputs.prerelease || false }}\n          GITHUB_TOKEN: ${{ steps.app-token.outputs.token }}\n");
        return w.toString();
    }

    String pythonPublish() {
        StringBuilder w = new StringBuilder(header("Publish", "Python SDK release on a tag: validate, test, build, then PyPI (TestPyPI for"
                + " pre-releases) with Trusted Publishing after the environment's approval, and the GitHub release."));
        w.append("on:\n  push:\n    tags:\n").append(tagPattern());
        w.append("permissions: {}\n").append(concurrency("publish-${{ github.ref }}", false)).append("jobs:\n");
        w.append(validateJob(null));
        Map.Entry<String, List<String>> tests = testJobs(List.of("validate"));
        w.append(tests.getKey());
        List<String> needs = new ArrayList<>(List.of("validate"));
        needs.addAll(tests.getValue());
        w.append(jobHead("build", needs, 15, READ)).append("    steps:\n").append(checkout(false));
        w.append("      - uses: ").append(SETUP_PYTHON).append("\n        with:\n          python-version: '")
                .append(adoption.pythonVersion() != null ? adoption.pythonVersion() : "3.12").append("'\n");
        w.append("      - run: python -m pip install build twine && python -m build && python -m twine check dist/*\n");
        w.append("      - uses: ").append(UPLOAD).append("\n        with:\n          name: dist\n          path: dist/\n          if-no-files-found: error\n");
        List<String> publishNeeds = new ArrayList<>(List.of("build"));
        publishNeeds.addAll(tests.getValue());
        w.append(jobHead("publish", publishNeeds, 15, "      contents: write            # the GitHub release and the publication record\n"
                + "      id-token: write            # Trusted Publishing: no PyPI token stored; and the attestations\n"
                + "      attestations: write\n").replace("    permissions:",
                "    environment: ${{ contains(github.ref_name, '-') && 'testpypi' || 'pypi' }}   # approval; Trusted Publishing names it\n"
                        + "    permissions:"));
        w.append("    steps:\n").append(javaSteps());
        w.append("      - uses: ").append(DOWNLOAD).append("\n        with:\n          name: dist\n          path: dist\n");
        w.append("      - uses: ").append(ATTEST).append("   # gh attestation verify <file> --repo <owner/repo>\n        with:\n")
                .append("          subject-path: 'dist/*'\n");
        w.append(performSteps("   # pypi (TestPyPI for a pre-release), then the GitHub release", "",
                "tests=${{ needs." + tests.getValue().get(0) + ".result }},build=${{ needs.build.result }}"));
        return w.toString();
    }

    String javascriptRelease() {
        StringBuilder w = new StringBuilder(header("Release", "JavaScript SDK: prepare by hand (workflow_dispatch) with a GitHub App token,"
                + " which may push to the protected main and whose tag starts this workflow again; then validate, test and publish on the tag."));
        w.append("on:\n  workflow_dispatch:\n    inputs:\n      prerelease:\n        description: Pre-release channel (alpha, beta, rc), empty for stable\n");
        w.append("        type: string\n        default: ''\n  push:\n    tags:\n").append(tagPattern());
        w.append("permissions: {}\n").append(concurrency("release-${{ github.ref }}", false)).append("jobs:\n");
        w.append(jobHead("prepare", List.of(), 15, READ + "      # the App token pushes the release commit and tag\n")
                .replace("    runs-on:", "    if: github.event_name == 'workflow_dispatch'\n    runs-on:"));
        w.append("    steps:\n").append(appToken()).append(javaSteps()).append(gitIdentity());
        w.append("      - run: ").append(goal("prepare")).append(" -Dbrokle.prerelease=\"${PRERELEASE}\"   # ")
                .append(layout.changesets() ? "versions and CHANGELOGs from .changeset/" : "the next version from conventional commits").append('\n');
        w.append("        env:\n          PRERELEASE: ${{ inputs.prerelease }}\n          GITHUB_TOKEN: ${{ steps.app-token.outputs.token }}\n");
        w.append(validateJob("github.event_name == 'push'"));
        Map.Entry<String, List<String>> tests = testJobs(List.of("validate"));
        w.append(tests.getKey());
        List<String> needs = new ArrayList<>(List.of("validate"));
        needs.addAll(tests.getValue());
        w.append(jobHead("publish", needs, 15, "      contents: write            # the GitHub release and the publication record\n"
                + "      id-token: write            # npm Trusted Publishing (no token stored) and its provenance\n").replace("    permissions:",
                "    environment: npm                 # approval\n"
                + "    permissions:"));
        w.append("    steps:\n").append(javaSteps()).append(nodeSteps());
        w.append("      - id: build\n        run: ").append(layout.pnpm() ? "pnpm -r --if-present build" : "npm run build --if-present").append('\n');
        w.append(performSteps("   # npm by Trusted Publishing, the version's dist-tag (latest for stable only), then the GitHub release",
                "",
                "tests=${{ needs." + tests.getValue().get(0) + ".result }},build=${{ steps.build.outcome }}"));
        return w.toString();
    }

    /**
     * The release pull request: on each push to main, release-pr opens or updates it; on the push of
     * its merge, tags the release. The App token's tag starts the tag workflow, which publishes.
     */
    String releasePr() {
        StringBuilder w = new StringBuilder(header("Release PR", "Each push to main: the release pull request (" + (layout.changesets()
                ? "Version Packages, from the change files" : "the next version from conventional commits") + "), opened or updated;"
                + " its merge is tagged here, and the tag starts the " + (layout.kind() == Layout.Kind.PYTHON ? "Publish" : "Release")
                + " workflow."));
        w.append("on:\n  push:\n    branches: [main]\npermissions: {}\n").append(concurrency("release-pr-${{ github.ref }}", false)).append("jobs:\n");
        w.append(jobHead("release-pr", List.of(), 15, READ + "      # the App token pushes the release branch and the tags, so that CI and the tag workflow run\n"));
        w.append("    outputs:\n      release-created: ${{ steps.release.outputs.release-created }}\n      tags: ${{ steps.release.outputs.tags }}\n");
        w.append("      pr-number: ${{ steps.release.outputs.pr-number }}\n");
        w.append("    steps:\n").append(appToken()).append(javaSteps()).append(gitIdentity());
        w.append("      - id: release\n        run: ").append(goal("release-pr")).append("   # the pull request, or the tags of its merge\n");
        w.append("        env:\n          GITHUB_TOKEN: ${{ steps.app-token.outputs.token }}\n");
        return w.toString();
    }

    String changesetStatus() {
        StringBuilder w = new StringBuilder(header("Change files", "Pull requests: each changed package needs a change file."));
        w.append("on:\n  pull_request:\npermissions: {}\n").append(concurrency("changeset-status-${{ github.ref }}", true)).append("jobs:\n");
        w.append(jobHead("changeset-status", List.of(), 10, READ)).append("    steps:\n").append(javaSteps());
        w.append("      - run: ").append(goal("changeset-status")).append("   # against baseBranch of .changeset/config.json\n");
        return w.toString();
    }

    /** The workflow files of a layout, for tests and messages. */
    public List<String> workflows() {
        return files().keySet().stream().filter(p -> p.startsWith(".github/")).toList();
    }
}
