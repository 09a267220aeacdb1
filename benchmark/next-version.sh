#!/usr/bin/env bash
# Benchmark of next-version on a generated history (not a timed test: it prints figures).
#   benchmark/next-version.sh           100,000 commits, 200 tags, the latest 200 commits back, 11 runs
#   benchmark/next-version.sh --smoke   2,000 commits, 2 runs (what CI runs)
#   MAVEN_CMD=mvn benchmark/next-version.sh   times another Maven (default: the wrapper's)
# Prints: the core call's time and how many commits it parsed; next-version as a whole mvn
# process against an empty `mvn -q validate`, both with an empty user home as on a fresh CI
# runner; and the first repository access with plain JGit versus through brokle-release.
set -euo pipefail
commits=100000 tags=200 back=200 runs=11 iterations=20
if [[ "${1:-}" == "--smoke" ]]; then commits=2000 tags=10 runs=2 iterations=3; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/brokle-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/common.sh"
timed_mvn="${MAVEN_CMD:-$mvnw}"
m2="${MAVEN_USER_HOME:-$HOME/.m2}"
repo_local=$("$mvnw" -q -B -f "$root/pom.xml" help:evaluate -Dexpression=settings.localRepository -DforceStdout)

echo "== History: $commits commits, $tags annotated tags, the latest $back commits back"
java -cp "$cp" ai.brokle.release.benchmark.HistoryGenerator "$work/repo" "$commits" "$tags" "$back"

echo "== Core call (in one JVM, $iterations calls)"
java -cp "$cp" ai.brokle.release.benchmark.NextVersionBenchmark "$work/repo" "$iterations"

echo "== Whole mvn process ($("$timed_mvn" -v 2>/dev/null | grep -o 'Apache Maven [0-9.]*' | head -1)), $runs back-to-back pairs, each run with a new empty HOME"
mkdir -p "$work/empty"
cat > "$work/empty/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>empty</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
</project>
POM
ms() { echo $(( $(date +%s%N) / 1000000 )); }
timed() { # timed DIR ARGS...: milliseconds of one mvn run with an empty user home
  local dir=$1; shift
  local home; home=$(mktemp -d "$work/home.XXXXXX")
  local start end
  start=$(ms)
  # Java takes its user.home from the password database, not from HOME: set both
  (cd "$dir" && HOME="$home" MAVEN_USER_HOME="$m2" MAVEN_OPTS="-Duser.home=$home" XDG_CONFIG_HOME="$home/.config" \
    "$timed_mvn" -q -B -Dmaven.repo.local="$repo_local" "$@" > "$work/last.log" 2>&1) \
    || { cat "$work/last.log"; exit 1; }
  end=$(ms)
  [[ -z "$(find "$home" -path '*jgit*' 2>/dev/null)" ]] || echo "note: JGit stored a measurement in the empty home" >&2
  echo $((end - start))
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
empty=() next=() extra=()
timed "$work/empty" validate > /dev/null   # warm the file system cache once
timed "$work/repo" "ai.brokle:brokle-release-maven-plugin:$version:next-version" > /dev/null
# back-to-back pairs, so that a slow spell of the machine weighs on both sides of a difference
for ((i = 0; i < runs; i++)); do
  a=$(timed "$work/empty" validate)
  b=$(timed "$work/repo" "ai.brokle:brokle-release-maven-plugin:$version:next-version")
  empty+=("$a") next+=("$b") extra+=("$((b - a))")
done
e=$(echo "${empty[*]}" | median) n=$(echo "${next[*]}" | median) x=$(echo "${extra[*]}" | median)
echo "empty 'mvn -q validate'     : ${e} ms   (runs: ${empty[*]})"
echo "'mvn -q ...:next-version'   : ${n} ms   (runs: ${next[*]})"
echo "next-version costs          : ${x} ms more than an empty build, median of the pairs (target: at most 300 ms)"
echo "                              (pairs: ${extra[*]})"

echo "== First repository access in a new JVM with an empty HOME (JGit's timestamp probe)"
first_use() { # first_use raw|brokle
  local home; home=$(mktemp -d "$work/home.XXXXXX")
  HOME="$home" XDG_CONFIG_HOME="$home/.config" java -Duser.home="$home" -cp "$cp" ai.brokle.release.benchmark.FirstUseCost "$1" "$work/repo"
}
first_use raw
first_use brokle
