package ai.brokle.release.changelog;

import java.util.List;

/** A titled list of changes, such as a Keep a Changelog section; never empty. */
public record ChangeGroup(String title, List<ChangeEntry> entries) {
}
