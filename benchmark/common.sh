# Shared by the benchmark scripts (sourced, not run): builds and installs the plugin, then sets
#   root     the repository's root         mvnw       its Maven wrapper
#   version  the plugin's version          cp         the benchmark module's class path
# Needs $work, a temporary directory the script owns.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mvnw="$root/mvnw"
"$mvnw" -q -B -f "$root/pom.xml" install -DskipTests -Dinvoker.skip=true
version=$("$mvnw" -q -B -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
"$mvnw" -q -B -f "$root/brokle-release-benchmark/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
cp="$root/brokle-release-benchmark/target/classes:$(cat "$work/cp.txt")"
