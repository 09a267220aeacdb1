package ai.brokle.release.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version exactly as Semantic Versioning 2.0.0 defines it: parsing rejects every form the
 * specification's grammar rejects, ordering follows its section 11, and {@link #toString()}
 * gives back the text that was parsed.
 */
public final class SemVer implements Comparable<SemVer> {
    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> prerelease;
    private final List<String> build;

    private SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease, List<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.build = build;
    }

    public static SemVer of(long major, long minor, long patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative");
        }
        return new SemVer(BigInteger.valueOf(major), BigInteger.valueOf(minor), BigInteger.valueOf(patch), List.of(), List.of());
    }

    private static SemVer of(BigInteger major, BigInteger minor, BigInteger patch) {
        return new SemVer(major, minor, patch, List.of(), List.of());
    }

    /** Parses {@code text} or throws {@link InvalidVersionException} saying what is wrong. */
    public static SemVer parse(String text) {
        Objects.requireNonNull(text, "text");
        return doParse(text);
    }

    /** Parses {@code text}, or gives empty when it is not a valid version. */
    public static Optional<SemVer> tryParse(String text) {
        try {
            return Optional.of(doParse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    private static SemVer doParse(String text) {
        int plus = text.indexOf('+');
        String beforeBuild = plus < 0 ? text : text.substring(0, plus);
        String buildText = plus < 0 ? null : text.substring(plus + 1);
        int dash = beforeBuild.indexOf('-');
        String core = dash < 0 ? beforeBuild : beforeBuild.substring(0, dash);
        String preText = dash < 0 ? null : beforeBuild.substring(dash + 1);

        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid(text, "expected MAJOR.MINOR.PATCH, found " + parts.length + " part(s) in '" + core + "'");
        }
        BigInteger[] numbers = new BigInteger[3];
        String[] names = {"major", "minor", "patch"};
        for (int i = 0; i < 3; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw invalid(text, "the " + names[i] + " number is empty");
            }
            if (!isDigits(part)) {
                throw invalid(text, "the " + names[i] + " number '" + part + "' is not a number");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw invalid(text, "the " + names[i] + " number '" + part + "' has a leading zero");
            }
            numbers[i] = new BigInteger(part);
        }
        List<String> pre = preText == null ? List.of() : identifiers(text, preText, "pre-release", true);
        List<String> meta = buildText == null ? List.of() : identifiers(text, buildText, "build metadata", false);
        return new SemVer(numbers[0], numbers[1], numbers[2], pre, meta);
    }

    private static List<String> identifiers(String text, String part, String what, boolean numericRule) {
        String[] ids = part.split("\\.", -1);
        List<String> result = new ArrayList<>(ids.length);
        for (String id : ids) {
            if (id.isEmpty()) {
                throw invalid(text, "the " + what + " has an empty identifier");
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!isIdentifierChar(c)) {
                    throw invalid(text, "the " + what + " identifier '" + id + "' contains '" + c
                            + "'; only ASCII letters, digits and '-' are allowed");
                }
            }
            if (numericRule && id.length() > 1 && id.charAt(0) == '0' && isDigits(id)) {
                throw invalid(text, "the numeric pre-release identifier '" + id + "' has a leading zero");
            }
            result.add(id);
        }
        return Collections.unmodifiableList(result);
    }

    private static InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException("'" + text + "' is not a SemVer 2.0.0 version: " + reason);
    }

    static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    public List<String> prerelease() {
        return prerelease;
    }

    public List<String> build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** This version without pre-release and build: 1.3.0-rc.2+b5 gives 1.3.0. */
    public SemVer release() {
        return (prerelease.isEmpty() && build.isEmpty()) ? this : of(major, minor, patch);
    }

    public SemVer withPrerelease(List<String> identifiers) {
        return doParse(of(major, minor, patch) + (identifiers.isEmpty() ? "" : "-" + String.join(".", identifiers)));
    }

    public SemVer nextMajor() {
        return of(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO);
    }

    public SemVer nextMinor() {
        return of(major, minor.add(BigInteger.ONE), BigInteger.ZERO);
    }

    public SemVer nextPatch() {
        return of(major, minor, patch.add(BigInteger.ONE));
    }

    /** Precedence as SemVer section 11; build metadata is ignored. */
    @Override
    public int compareTo(SemVer other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            // a version without pre-release ranks above one with it
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        int n = Math.min(prerelease.size(), other.prerelease.size());
        for (int i = 0; i < n; i++) {
            c = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    /** Compares two pre-release identifiers: numbers numerically, below text; text in ASCII order. */
    static int compareIdentifiers(String a, String b) {
        boolean aNum = isDigits(a);
        boolean bNum = isDigits(b);
        if (aNum && bNum) {
            // no leading zeros, so the longer number is the larger; works for any size
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        }
        if (aNum != bNum) {
            return aNum ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** Same precedence; unlike {@link #equals}, ignores build metadata. */
    public boolean samePrecedence(SemVer other) {
        return compareTo(other) == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SemVer)) {
            return false;
        }
        SemVer v = (SemVer) o;
        return major.equals(v.major) && minor.equals(v.minor) && patch.equals(v.patch)
                && prerelease.equals(v.prerelease) && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease, build);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) {
            s.append('-').append(String.join(".", prerelease));
        }
        if (!build.isEmpty()) {
            s.append('+').append(String.join(".", build));
        }
        return s.toString();
    }
}
