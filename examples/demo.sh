#!/usr/bin/env bash
# Shows brokle-release on two bundled example repositories: the platform (a POM-less Go/Next.js
# repo released as v<version>) and the Python SDK (released as python-v<version>). It builds the
# plugin, makes each example a git repository with a release tag and conventional commits since,
# then runs next-version, validate and changelog the way a developer or a CI job would.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d "${TMPDIR:-/tmp}/brokle-release-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$root/mvnw" -q -B -f "$root/pom.xml" install -DskipTests -Dinvoker.skip=true
version=$("$root/mvnw" -q -B -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
plugin="ai.brokle:brokle-release-maven-plugin:$version"

git_() {
  GIT_AUTHOR_NAME=Demo GIT_AUTHOR_EMAIL=demo@example.com GIT_COMMITTER_NAME=Demo GIT_COMMITTER_EMAIL=demo@example.com \
    git -c init.defaultBranch=main -c commit.gpgsign=false -c tag.gpgsign=false "$@"
}
goal() { # goal DIR GOAL [-Dproperty=value ...]: runs a goal and prints what it reports
  local dir=$1 name=$2; shift 2
  (cd "$dir" && "$root/mvnw" -B "$plugin:$name" "$@" 2>&1 | sed -n '/--- brokle-release/,/BUILD/p' | grep -vE '^\[INFO\] -+$|^\[INFO\] $|---' || true)
}
commit() { # commit DIR FILE MESSAGE
  mkdir -p "$(dirname "$1/$2")"; echo "$3" >> "$1/$2"
  git_ -C "$1" add -A && git_ -C "$1" commit -q -m "$3"
}

echo "== Platform: v0.3.0, then a fix, a feature and a chore"
cp -r "$here/platform" "$work/platform"
git_ -C "$work/platform" init -q
git_ -C "$work/platform" add -A && git_ -C "$work/platform" commit -q -m "chore(release): v0.3.0"
git_ -C "$work/platform" tag -a v0.3.0 -m "Brokle v0.3.0"
commit "$work/platform" internal/ingest.go "fix(ingest): keep span parents (#126)"
commit "$work/platform" web/src/app/usage.tsx "feat(web): usage dashboard (#124)"
commit "$work/platform" Makefile "chore: tidy the Makefile"
echo 'plan.json' >> "$work/platform/.git/info/exclude"
goal "$work/platform" next-version -Dbrokle.planFile=plan.json
cat "$work/platform/plan.json"
goal "$work/platform" validate

echo
echo "== Platform: the next release's notes, and its section merged into CHANGELOG.md"
(cd "$work/platform" && "$root/mvnw" -q -B "$plugin:changelog" -Dbrokle.format=notes -Dbrokle.output=release-notes.md)
cat "$work/platform/release-notes.md"
rm "$work/platform/release-notes.md"
(cd "$work/platform" && "$root/mvnw" -q -B "$plugin:changelog" -Dbrokle.output=CHANGELOG.md)
git_ -C "$work/platform" --no-pager diff --no-color -- CHANGELOG.md

echo
echo "== Python SDK: python-v0.2.9, then a feature, released on the beta channel"
cp -r "$here/python-sdk" "$work/python-sdk"
git_ -C "$work/python-sdk" init -q
git_ -C "$work/python-sdk" add -A && git_ -C "$work/python-sdk" commit -q -m "chore(release): python-v0.2.9"
git_ -C "$work/python-sdk" tag python-v0.2.9
commit "$work/python-sdk" brokle/stream.py "feat(client): streaming responses"
goal "$work/python-sdk" next-version -Dbrokle.prerelease=beta

echo
echo "== Validate catches what would break a release (a version file out of step, a dirty tree)"
sed -i 's/0.2.9/0.2.8/' "$work/python-sdk/brokle/version.py"
(cd "$work/python-sdk" && "$root/mvnw" -B "$plugin:validate" 2>&1 | grep -E "^\[ERROR\] (Failed|  -)" || true)
