#!/usr/bin/env bash
# Runs the goal with the plugin at its version; the goal writes its step outputs to GITHUB_OUTPUT.
set -euo pipefail
goal="${INPUT_GOAL:-}"
if [[ ! "$goal" =~ ^[a-z][a-z-]*$ ]]; then
  echo "::error title=brokle-release::'${goal}' is not a goal name, such as next-version or perform" >&2
  exit 1
fi
# the arguments are split at spaces, as on a command line without quotes
read -r -a arguments <<< "${INPUT_ARGUMENTS:-}"
exec "${MAVEN:-mvn}" -B --no-transfer-progress "ai.brokle:brokle-release-maven-plugin:${PLUGIN_VERSION}:${goal}" "${arguments[@]}"
