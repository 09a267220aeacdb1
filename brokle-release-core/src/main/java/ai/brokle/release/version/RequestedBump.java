package ai.brokle.release.version;

import java.util.Locale;

/** A bump the user asks for explicitly ({@code brokle.bump}), overriding commit analysis. */
public enum RequestedBump {
    MAJOR, MINOR, PATCH, PROMOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses major|minor|patch|promote; null when unknown. */
    public static RequestedBump fromLabel(String label) {
        for (RequestedBump b : values()) {
            if (b.label().equals(label)) {
                return b;
            }
        }
        return null;
    }
}
