#!/usr/bin/env bash
# Benchmark of the changelog goal on a generated history (not a timed test: it prints figures).
#   benchmark/changelog.sh           100,000 commits, 200 annotated tags, the latest 200 commits back
#   benchmark/changelog.sh --smoke   2,000 commits, 10 tags, one run each (what CI runs)
#   MAVEN_CMD=mvn benchmark/changelog.sh   times another Maven (default: the wrapper's)
# Side by side, median wall time and median peak memory (RSS) of: git log over the history (the
# floor), git-cliff (npm package git-cliff, default configuration), our goal as a whole mvn process,
# and our core call alone in a new JVM; first for the whole changelog, then for the latest range
# (the last tag to HEAD). Needs git, npm (apt-get install npm) and GNU time (apt-get install time).
set -euo pipefail
commits=100000 tags=200 back=200 runs=5 cliff_runs=3
if [[ "${1:-}" == "--smoke" ]]; then commits=2000 tags=10 runs=1 cliff_runs=1; fi
for tool in git npm /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "benchmark/changelog.sh needs $tool: apt-get install ${tool##*/}" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/brokle-changelog-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/common.sh"
timed_mvn="${MAVEN_CMD:-$mvnw}"
(cd "$work" && npm install --silent --no-audit --no-fund --prefix "$work/cliff" git-cliff > /dev/null)
cliff="$work/cliff/node_modules/.bin/git-cliff"

echo "== History: $commits commits, $tags annotated tags, the latest $back commits back"
java -cp "$cp" ai.brokle.release.benchmark.HistoryGenerator "$work/repo" "$commits" "$tags" "$back"
latest=$(git -C "$work/repo" describe --tags --abbrev=0)
plugin="ai.brokle:brokle-release-maven-plugin:$version:changelog"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # measure LABEL RUNS COMMAND...: median wall time and peak RSS of RUNS runs in the repository
  local label=$1 n=$2; shift 2
  local times=() rss=()
  for ((i = 0; i < n; i++)); do
    (cd "$work/repo" && /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt") \
      || { echo "$label failed:"; cat "$work/err.txt" "$work/out.txt"; exit 1; }
    read -r t m < <(tail -1 "$work/time.txt")
    times+=("$t") rss+=("$((m / 1024))")
  done
  printf '  %-44s %7.2f s %6d MB   (runs: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" \
    "$(printf '%s\n' "${rss[@]}" | median)" "${times[*]}"
}

echo "== Whole changelog, one section per release tag (median of $runs runs; git-cliff $cliff_runs)"
measure "git log --format=%H%x00%B (floor)" "$runs" git log --format=%H%x00%B
measure "git-cliff $("$cliff" --version | awk '{print $2}') (default configuration)" "$cliff_runs" "$cliff" -o "$work/cliff.md"
# printed rather than written to a file, so that every run regenerates instead of finding its sections there
measure "mvn changelog -Dbrokle.changelog.full=true" "$runs" "$timed_mvn" -q -B -o "$plugin" -Dbrokle.changelog.full=true
echo "  release sections: ours $(grep -c '^## \[[0-9]' "$work/out.txt"), git-cliff's $(grep -c '^## \[[0-9]' "$work/cliff.md")"
measure "core call alone, new JVM" "$runs" java -cp "$cp" ai.brokle.release.benchmark.ChangelogBenchmark . full 1

echo "== Latest range only: $latest..HEAD"
measure "git log $latest..HEAD" "$runs" git log --format=%H%x00%B "$latest..HEAD"
measure "git-cliff --unreleased" "$runs" "$cliff" --unreleased -o "$work/cliff-latest.md"
measure "mvn changelog (default range)" "$runs" "$timed_mvn" -q -B -o "$plugin"
measure "core call alone, new JVM" "$runs" java -cp "$cp" ai.brokle.release.benchmark.ChangelogBenchmark . range 1

echo "== Core call in one JVM (warm)"
(cd "$work/repo" && java -cp "$cp" ai.brokle.release.benchmark.ChangelogBenchmark . full "$((runs * 2))")
(cd "$work/repo" && java -cp "$cp" ai.brokle.release.benchmark.ChangelogBenchmark . range "$((runs * 4))")
