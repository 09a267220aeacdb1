#!/usr/bin/env bash
# The plugin version the action runs: the 'version' input, else the release tag the action is used at.
set -euo pipefail
version="${INPUT_VERSION:-}"
if [[ -z "$version" ]]; then
  ref="${ACTION_REF:-}"
  if [[ "$ref" =~ ^v([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$ ]]; then
    version="${BASH_REMATCH[1]}"
  else
    echo "::error title=brokle-release::Name the plugin version (with: version: 0.2.0), or use the action at a release tag (brokle-ai/brokle-release@v0.2.0); '${ref}' is neither" >&2
    exit 1
  fi
fi
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "::error title=brokle-release::'${version}' is not a plugin version, such as 0.2.0" >&2
  exit 1
fi
if [[ "$version" == *-SNAPSHOT ]]; then
  echo "::error title=brokle-release::${version} is a development build, which Maven Central does not serve: name a released version" >&2
  exit 1
fi
echo "version=${version}" >> "$GITHUB_OUTPUT"
echo "brokle-release plugin ${version}"
