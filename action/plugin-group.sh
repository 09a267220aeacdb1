#!/usr/bin/env bash
# Adds ai.brokle to the plugin groups of the runner's Maven settings, so that later steps can call
# 'mvn brokle-release:<goal>'. An existing settings.xml (setup-java writes one) keeps its content.
set -euo pipefail
settings="${HOME}/.m2/settings.xml"
group='<pluginGroup>ai.brokle</pluginGroup>'
mkdir -p "$(dirname "$settings")"
if [[ ! -f "$settings" ]]; then
  printf '<settings>\n  <pluginGroups>\n    %s\n  </pluginGroups>\n</settings>\n' "$group" > "$settings"
elif grep -q "$group" "$settings"; then
  exit 0
elif grep -q '<pluginGroups>' "$settings"; then
  sed -i "0,/<pluginGroups>/s||<pluginGroups>\n    ${group}|" "$settings"
elif grep -q '<pluginGroups */>' "$settings"; then
  sed -i "0,/<pluginGroups *\/>/s||<pluginGroups>\n    ${group}\n  </pluginGroups>|" "$settings"
elif grep -q '</settings>' "$settings"; then
  sed -i "s|</settings>|  <pluginGroups>\n    ${group}\n  </pluginGroups>\n</settings>|" "$settings"
else
  echo "::error title=brokle-release::${settings} has no </settings> to add the plugin group to" >&2
  exit 1
fi
echo "Plugin group ai.brokle added to ${settings}"
