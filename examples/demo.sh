#!/usr/bin/env bash
# Shows brokle-release on the bundled examples: the Brokle platform (a POM-less Go/Next.js repo,
# tags v<version>) pinning the Python SDK (python-v<version>) and the JavaScript SDK (js-v<version>)
# as git submodules. It builds the plugin, makes the three repositories with local remotes, then
# walks a platform release as a developer and CI would: the plan, the submodules, a dry run of
# prepare (diffs and tags), the release itself (pushed to the local remote only), and a dry run of
# perform on the tag (images built with Jib into OCI layouts, the GitHub release, the notification
# it would send), then the release checklist. Nothing leaves this machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d "${TMPDIR:-/tmp}/brokle-release-demo.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

echo "Building the plugin (first run: Maven downloads its dependencies)..."
"$root/mvnw" -q -B -f "$root/pom.xml" install -DskipTests -Dinvoker.skip=true
version=$("$root/mvnw" -q -B -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
plugin="ai.brokle:brokle-release-maven-plugin:$version"

export GIT_AUTHOR_NAME=Demo GIT_AUTHOR_EMAIL=demo@example.com GIT_COMMITTER_NAME=Demo GIT_COMMITTER_EMAIL=demo@example.com
git_() { git -c init.defaultBranch=main -c commit.gpgsign=false -c tag.gpgsign=false -c protocol.file.allow=always "$@"; }
goal() { # goal DIR GOAL [-Dproperty=value ...]: runs a goal and prints what it reports
  local dir=$1 name=$2; shift 2
  (cd "$dir" && "$root/mvnw" -B "$plugin:$name" "$@" 2>&1 | sed -n '/--- brokle-release/,/BUILD/p' \
    | grep -vE '^\[INFO\] -+$|^\[INFO\] $|--- brokle-release|BUILD|Total time|Finished at' | sed 's/^\[INFO\] //' || true)
}
commit() { # commit DIR FILE MESSAGE
  mkdir -p "$(dirname "$1/$2")"; echo "$3" >> "$1/$2"
  git_ -C "$1" add -A && git_ -C "$1" commit -q -m "$3"
}
repo() { # repo NAME: copies the example, makes it a repository with a bare remote "origin"
  cp -r "$here/$1" "$work/$1"
  git_ init -q "$work/$1"
  git_ init -q --bare "$work/remotes/$1.git"
  git_ -C "$work/$1" remote add origin "$work/remotes/$1.git"
}
publish() { git_ -C "$work/$1" push -q -u origin main --tags; }

echo
echo "== The SDKs: Python released as python-v0.2.9 then python-v0.3.0, JavaScript as js-v0.5.0"
repo python-sdk
git_ -C "$work/python-sdk" add -A && git_ -C "$work/python-sdk" commit -q -m "chore(release): python-v0.2.9"
git_ -C "$work/python-sdk" tag -a python-v0.2.9 -m python-v0.2.9
sed -i 's/0.2.9/0.3.0/' "$work/python-sdk/brokle/version.py"
commit "$work/python-sdk" brokle/stream.py "feat(client): streaming responses"
git_ -C "$work/python-sdk" tag -a python-v0.3.0 -m python-v0.3.0
publish python-sdk
repo js-sdk
git_ -C "$work/js-sdk" add -A && git_ -C "$work/js-sdk" commit -q -m "chore(release): js-v0.5.0"
git_ -C "$work/js-sdk" tag -a js-v0.5.0 -m js-v0.5.0
publish js-sdk

echo "== The platform: v0.3.0 pins python-v0.2.9 and js-v0.5.0; then a fix and a feature"
repo platform
git_ -C "$work/platform" submodule add -q ../python-sdk.git sdk/python
git_ -C "$work/platform" submodule add -q ../js-sdk.git sdk/javascript
git_ -C "$work/platform/sdk/python" checkout -q python-v0.2.9
git_ -C "$work/platform/sdk/javascript" checkout -q js-v0.5.0
printf 'bin/\ndist/\ntarget/\n' > "$work/platform/.gitignore"
git_ -C "$work/platform" add -A && git_ -C "$work/platform" commit -q -m "chore(release): v0.3.0"
git_ -C "$work/platform" tag -a v0.3.0 -m "Brokle v0.3.0"
commit "$work/platform" internal/ingest.go "fix(ingest): keep span parents (#126)"
commit "$work/platform" web/src/app/usage.tsx "feat(web): usage dashboard (#124)"
publish platform

echo
echo "== next-version: what the next platform release is, and why"
goal "$work/platform" next-version

echo
echo "== validate-submodules: each SDK submodule on an SDK release"
goal "$work/platform" validate-submodules

echo
echo "== update-submodules: move the SDKs to their newest releases, in one commit"
goal "$work/platform" update-submodules
git_ -C "$work/platform" submodule -q update
git_ -C "$work/platform" push -q origin main

echo
echo "== prepare, dry run: the plan, the file changes and the tag, nothing changed"
goal "$work/platform" prepare -Dbrokle.dryRun=true

echo
echo "== prepare: the release commit and tag, pushed atomically (to the local remote)"
goal "$work/platform" prepare
tag=$(git_ -C "$work/platform" describe --tags --abbrev=0)
git_ -C "$work/platform" --no-pager show --stat --format='   %s (%h)' HEAD | sed 's/^/   /'

echo
echo "== CI on the tag $tag: the binaries the build would make, then perform as a dry run"
for arch in amd64 arm64; do
  mkdir -p "$work/platform/bin/linux-$arch" "$work/platform/dist"
  printf '#!/bin/sh\necho "brokle-server %s linux/%s"\n' "$tag" "$arch" > "$work/platform/bin/linux-$arch/brokle-server"
  chmod +x "$work/platform/bin/linux-$arch/brokle-server"
  cp "$work/platform/bin/linux-$arch/brokle-server" "$work/platform/dist/brokle-server-linux-$arch"
done
(export GITHUB_REF="refs/tags/$tag" SLACK_WEBHOOK_URL="https://hooks.slack.com/services/demo/not/sent"
 goal "$work/platform" perform -Dbrokle.dryRun=true)
echo "   the image's OCI layout: target/brokle-release/images/brokle-server/{$(ls "$work/platform/target/brokle-release/images/brokle-server" | paste -sd, -)}"

echo
echo "== checklist: the platform release checklist for $tag, with what was verified ticked"
(export GITHUB_REF="refs/tags/$tag"; goal "$work/platform" checklist -Dbrokle.passed=tests=success)
