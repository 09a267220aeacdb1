package ai.brokle.release.init;

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
    private static final String CHECKOUT = "actions/checkout@v4";
    private static final String SETUP_JAVA = "actions/setup-java@v4";
    private static final String DOWNLOAD_BINARIES = "      - uses: actions/download-artifact@v4\n        with:\n          pattern: bin-*\n"
            + "          path: bin\n          merge-multiple: true\n";

    private final Layout layout;
    private final String plugin;

    /** @param plugin the plugin's coordinates, {@code ai.brokle:brokle-release-maven-plugin:<version>} */
    public InitFiles(Layout layout, String plugin) {
        this.layout = layout;
        this.plugin = plugin;
    }

    /** Path (relative to the repository root) → content, in the order they are written. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CONFIG, config());
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
        if (layout.kind() == Layout.Kind.PLATFORM && !layout.commands().isEmpty()) {
            y.append("registries:\n  ghcr.io: {usernameEnv: GITHUB_ACTOR, passwordEnv: GITHUB_TOKEN}   # in Actions; packages: write\n");
            y.append("  # docker.io: {usernameEnv: DOCKERHUB_USERNAME, passwordEnv: DOCKERHUB_TOKEN}\n");
        }
        if (!layout.submodules().isEmpty()) {
            y.append("submodules:                          # SDKs pinned as submodules: validate-submodules, update-submodules\n");
            layout.submodules().forEach((path, sdk) -> {
                y.append("  ").append(path).append(":\n");
                y.append("    name: ").append(sdkName(sdk)).append('\n');
                y.append("    sdk: ").append(sdk).append("                 # how sdk-released dispatches name it\n");
                y.append("    tagPrefix: ").append(sdkPrefix(sdk)).append('\n');
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
        if (!layout.versionFiles().isEmpty()) {
            y.append("    versionFiles:                # files that carry the version; prepare updates them, validate checks them\n");
            layout.versionFiles().forEach(f -> y.append("      - path: ").append(f).append('\n'));
        } else if (!(layout.kind() == Layout.Kind.JAVASCRIPT && layout.changesets())) {
            y.append("    # versionFiles:\n    #   - path: VERSION\n    #     pattern: '{{version}}'\n");
        }
        switch (layout.kind()) {
            case PLATFORM -> {
                if (!layout.commands().isEmpty()) {
                    y.append("    githubRelease:\n      assets: ['dist/*']           # the binaries the release workflow builds\n");
                    y.append("    images:                      # built with Jib for each platform from bin/<os>-<arch>/<command>\n");
                    for (String command : layout.commands()) {
                        y.append("      - name: ").append(command).append('\n');
                        y.append("        repositories: [ghcr.io/").append(owner()).append('/').append(command).append("]\n");
                        y.append("        from: gcr.io/distroless/static-debian12:nonroot   # pin by digest for reproducible images\n");
                        y.append("        platforms: [linux/amd64, linux/arm64]\n");
                        y.append("        layers:\n          - {from: 'bin/{os}-{arch}/").append(command).append("', to: /app/").append(command)
                                .append(", mode: 755}\n");
                        y.append("        entrypoint: [/app/").append(command).append("]\n");
                    }
                }
                y.append("    notify: [slack, discord]     # SLACK_WEBHOOK_URL and DISCORD_WEBHOOK_URL; a missing one is skipped\n");
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
        return "# " + comment + "\n# Written by brokle-release init; see docs/ci.md of brokle-release.\nname: " + name + "\n";
    }

    private static String javaSteps() {
        return "      - uses: " + CHECKOUT + "\n        with:\n          fetch-depth: 0             # every tag, for versions and changelogs\n"
                + "      - uses: " + SETUP_JAVA + "\n        with:\n          distribution: temurin\n          java-version: '17'\n";
    }

    private String goal(String goal) {
        return "mvn -B " + plugin + ":" + goal;
    }

    private String tagPattern() {
        return "      - '" + layout.tagPrefix() + "[0-9]+.[0-9]+.[0-9]+'\n      - '" + layout.tagPrefix() + "[0-9]+.[0-9]+.[0-9]+-*'\n";
    }

    String platformRelease() {
        boolean build = !layout.commands().isEmpty();
        StringBuilder w = new StringBuilder(header("Release", "Platform release on a tag: validate, build the binaries, push the images, publish."));
        w.append("on:\n  push:\n    tags:\n").append(tagPattern());
        w.append("permissions: {}\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n");
        w.append("  validate:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n").append(javaSteps());
        w.append("      - run: ").append(goal("validate")).append("   # the tag is on main, version files and changelog agree\n");
        if (build) {
            w.append("  build:\n    needs: validate\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n");
            w.append("    strategy:\n      matrix:\n        goos: [linux]\n        goarch: [amd64, arm64]\n    steps:\n");
            w.append("      - uses: ").append(CHECKOUT).append("\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: go.mod\n");
            w.append("      - name: Build\n        env:\n          GOOS: ${{ matrix.goos }}\n          GOARCH: ${{ matrix.goarch }}\n          CGO_ENABLED: '0'\n");
            w.append("          VERSION: ${{ github.ref_name }}\n        run: |\n");
            for (String command : layout.commands()) {
                w.append("          go build -trimpath -ldflags \"-s -w -X main.version=${VERSION}\" -o \"bin/${GOOS}-${GOARCH}/").append(command)
                        .append("\" ./cmd/").append(command).append('\n');
            }
            w.append("      - uses: actions/upload-artifact@v4\n        with:\n          name: bin-${{ matrix.goos }}-${{ matrix.goarch }}\n");
            w.append("          path: bin/\n          if-no-files-found: error\n");
            w.append("  images:\n    needs: build\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write            # the publication record\n");
            w.append("      packages: write            # ghcr.io\n");
            w.append("    steps:\n").append(javaSteps());
            w.append(DOWNLOAD_BINARIES);
            w.append("      - run: ").append(goal("images")).append("   # Jib, no Docker daemon: X.Y.Z, X.Y, X, latest by policy\n");
            w.append("        env:\n          GITHUB_ACTOR: ${{ github.actor }}\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n");
        }
        w.append("  perform:\n    needs: ").append(build ? "images" : "validate").append("\n    runs-on: ubuntu-latest\n");
        w.append("    environment: production\n    permissions:\n      contents: write            # the GitHub release and the publication record\n");
        w.append("    steps:\n").append(javaSteps());
        if (build) {
            w.append(DOWNLOAD_BINARIES);
            w.append("      - name: Name the release assets\n        run: |\n          mkdir -p dist\n");
            w.append("          for f in bin/*/*; do cp \"$f\" \"dist/$(basename \"$f\")-$(basename \"$(dirname \"$f\")\")\"; done\n");
        }
        w.append(performSteps(build ? " -Dbrokle.perform.skipSteps=images" : "", "          SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}\n"
                + "          DISCORD_WEBHOOK_URL: ${{ secrets.DISCORD_WEBHOOK_URL }}\n",
                // the jobs before publishing passed (perform needs them): the pipeline's result, not a literal
                "ci=${{ needs." + (build ? "images" : "validate") + ".result }}"));
        return w.toString();
    }

    /**
     * The perform step (after {@code rest} of its command line, with GITHUB_TOKEN and {@code env}) and
     * the checklist, given the results of what this pipeline ran ({@code key=${{ ... }}}); null when
     * it runs nothing the checklist asks about, so that nothing is ticked that did not run.
     */
    private String performSteps(String rest, String env, String passed) {
        return "      - id: perform\n        run: " + goal("perform") + rest + "\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n" + env
                + "      - run: " + goal("checklist") + (passed == null ? "" : " -Dbrokle.passed=" + passed) + "\n";
    }

    String validateSubmodules() {
        StringBuilder w = new StringBuilder(header("Validate submodules", "Pull requests: each SDK submodule must sit on an SDK release."));
        w.append("on:\n  pull_request:\n    paths:\n      - .gitmodules\n");
        layout.submodules().keySet().forEach(p -> w.append("      - ").append(p).append('\n'));
        w.append("permissions: {}\njobs:\n  validate-submodules:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n");
        w.append("    steps:\n").append(javaSteps()).append("      - run: ").append(goal("validate-submodules")).append('\n');
        w.append("        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}   # reads the SDK remotes\n");
        return w.toString();
    }

    String updateSubmodules() {
        StringBuilder w = new StringBuilder(header("Update SDK submodules",
                "When an SDK is released (repository_dispatch sdk-released) or by hand: move the submodules to the SDK releases in one pull request."));
        w.append("on:\n  repository_dispatch:\n    types: [sdk-released]\n  workflow_dispatch:\n    inputs:\n      prerelease:\n");
        w.append("        description: Move to pre-releases too\n        type: boolean\n        default: false\n");
        w.append("permissions: {}\nconcurrency:\n  group: update-submodules\n  cancel-in-progress: false\njobs:\n");
        w.append("  update-submodules:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write            # the bot branch\n");
        w.append("      pull-requests: write       # one pull request, updated on later releases\n    steps:\n").append(javaSteps());
        w.append("      - run: ").append(goal("update-submodules")).append(" -Dbrokle.branch=bot/update-sdk-submodules")
                .append(" -Dbrokle.prerelease=${{ inputs.prerelease || false }}\n");
        w.append("        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n");
        w.append("      - run: ").append(goal("compatibility-matrix")).append(" -Dbrokle.check=true\n");
        return w.toString();
    }

    String pythonPublish() {
        StringBuilder w = new StringBuilder(header("Publish", "Python SDK release on a tag: build, publish to PyPI (TestPyPI for pre-releases) with"
                + " Trusted Publishing, then the GitHub release."));
        w.append("on:\n  push:\n    tags:\n").append(tagPattern());
        w.append("permissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n");
        w.append("      - uses: ").append(CHECKOUT).append("\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n");
        w.append("      - run: python -m pip install build && python -m build\n");
        w.append("      - uses: actions/upload-artifact@v4\n        with:\n          name: dist\n          path: dist/\n          if-no-files-found: error\n");
        w.append("  publish:\n    needs: build\n    runs-on: ubuntu-latest\n    environment: pypi\n    permissions:\n");
        w.append("      contents: write            # the GitHub release and the publication record\n");
        w.append("      id-token: write            # Trusted Publishing: no PyPI token stored\n    steps:\n").append(javaSteps());
        w.append("      - uses: actions/download-artifact@v4\n        with:\n          name: dist\n          path: dist\n");
        // the workflow runs no tests: the checklist leaves them to a person (or to the test workflow's results)
        w.append(performSteps("   # pypi (TestPyPI for a pre-release), then the GitHub release", "", null));
        return w.toString();
    }

    String javascriptRelease() {
        StringBuilder w = new StringBuilder(header("Release", "JavaScript SDK: version from the change files by hand (workflow_dispatch),"
                + " then publish on the tag."));
        w.append("on:\n  workflow_dispatch:\n    inputs:\n      prerelease:\n        description: Pre-release channel (alpha, beta, rc), empty for stable\n");
        w.append("        type: string\n        default: ''\n  push:\n    tags:\n").append(tagPattern());
        w.append("permissions: {}\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n");
        w.append("  prepare:\n    if: github.event_name == 'workflow_dispatch'\n    runs-on: ubuntu-latest\n    permissions:\n");
        w.append("      contents: write            # the release commit and tag\n    steps:\n").append(javaSteps());
        w.append("      - run: |\n          git config user.name 'github-actions[bot]'\n");
        w.append("          git config user.email '41898282+github-actions[bot]@users.noreply.github.com'\n");
        w.append("      - run: ").append(goal("prepare")).append(" -Dbrokle.prerelease=\"${PRERELEASE}\"   # ")
                .append(layout.changesets() ? "versions and CHANGELOGs from .changeset/" : "the next version from conventional commits").append('\n');
        w.append("        env:\n          PRERELEASE: ${{ inputs.prerelease }}\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n");
        w.append("  publish:\n    if: github.event_name == 'push'\n    runs-on: ubuntu-latest\n    environment: npm\n    permissions:\n");
        w.append("      contents: write            # the GitHub release and the publication record\n");
        w.append("      id-token: write            # npm provenance\n    steps:\n").append(javaSteps());
        w.append("      - uses: actions/setup-node@v4\n        with:\n          node-version: '20'\n          registry-url: https://registry.npmjs.org\n");
        if (layout.pnpm()) {
            w.append("      - uses: pnpm/action-setup@v4\n      - id: build\n        run: pnpm install --frozen-lockfile && pnpm -r build\n");
        } else {
            w.append("      - id: build\n        run: npm ci && npm run build --if-present\n");
        }
        w.append(performSteps("   # npm with the version's dist-tag, then the GitHub release", "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n",
                "build=${{ steps.build.outcome }}"));
        return w.toString();
    }

    String changesetStatus() {
        StringBuilder w = new StringBuilder(header("Change files", "Pull requests: each changed package needs a change file."));
        w.append("on:\n  pull_request:\npermissions: {}\njobs:\n  changeset-status:\n    runs-on: ubuntu-latest\n    permissions:\n");
        w.append("      contents: read\n    steps:\n").append(javaSteps());
        w.append("      - run: ").append(goal("changeset-status")).append("   # against baseBranch of .changeset/config.json\n");
        return w.toString();
    }

    /** The workflow files of a layout, for tests and messages. */
    public List<String> workflows() {
        return files().keySet().stream().filter(p -> p.startsWith(".github/")).toList();
    }
}
