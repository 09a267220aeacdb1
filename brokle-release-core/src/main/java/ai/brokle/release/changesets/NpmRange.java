package ai.brokle.release.changesets;

import ai.brokle.release.version.Bump;
import ai.brokle.release.version.SemVer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm dependency range ({@code ^1.2.0}, {@code ~0.5.0}, {@code >=1 <2}, {@code 1.x || 2.x},
 * {@code 1.0.0 - 2.0.0}, {@code *}) with the meaning npm's {@code semver} package gives it, so that
 * a release decides as Changesets does whether a new version still satisfies a dependent's range:
 * a pre-release satisfies a range only when one of its comparators names a pre-release of the same
 * {@code major.minor.patch}.
 */
public final class NpmRange {
    private static final String PART = "(0|[1-9]\\d*|[xX*])";
    private static final Pattern PARTIAL = Pattern.compile("v?" + PART + "(?:\\." + PART + "(?:\\." + PART
            + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?");
    private static final Pattern COMPARATOR = Pattern.compile("(\\^|~>?|>=|<=|>|<|=)?\\s*(.*)");
    private static final Pattern HYPHEN = Pattern.compile("^\\s*(\\S+)\\s+-\\s+(\\S+)\\s*$");

    private enum Op {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    private record Comparator(Op op, SemVer version) {
        boolean test(SemVer v) {
            int c = v.compareTo(version);
            return switch (op) {
                case GE -> c >= 0;
                case GT -> c > 0;
                case LE -> c <= 0;
                case LT -> c < 0;
                case EQ -> c == 0;
            };
        }

        @Override
        public String toString() {
            return op.text + version;
        }
    }

    /** A partial version: null parts are wildcards or missing. */
    private record Partial(BigInteger major, BigInteger minor, BigInteger patch, String prerelease) {
        boolean anyMajor() {
            return major == null;
        }

        SemVer full() {
            return SemVer.parse(num(major) + "." + num(minor) + "." + num(patch) + (prerelease == null ? "" : "-" + prerelease));
        }

        private static String num(BigInteger n) {
            return n == null ? "0" : n.toString();
        }
    }

    /** Comparator sets, any of which satisfies; an empty set means any version. */
    private final List<List<Comparator>> sets;
    private final String text;

    private NpmRange(String text, List<List<Comparator>> sets) {
        this.text = text;
        this.sets = sets;
    }

    /** The range, or empty when npm would not read {@code text} as one ({@code workspace:^}, {@code file:..}, a dist-tag). */
    public static Optional<NpmRange> parse(String text) {
        List<List<Comparator>> sets = new ArrayList<>();
        for (String set : text.split("\\|\\|", -1)) {
            List<Comparator> comparators = parseSet(set.trim());
            if (comparators == null) {
                return Optional.empty();
            }
            sets.add(comparators);
        }
        return Optional.of(new NpmRange(text, List.copyOf(sets)));
    }

    /** Whether npm reads {@code text} as a range. */
    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** Whether {@code version} satisfies {@code range}; false when the range is not one. */
    public static boolean satisfies(SemVer version, String range) {
        return parse(range).map(r -> r.test(version)).orElse(false);
    }

    /** Whether the range takes any version ({@code *}, {@code x}, the empty range). */
    public boolean isAny() {
        return sets.stream().allMatch(List::isEmpty);
    }

    public boolean test(SemVer version) {
        for (List<Comparator> set : sets) {
            if (set.stream().allMatch(c -> c.test(version)) && prereleaseAllowed(set, version)) {
                return true;
            }
        }
        return false;
    }

    /** A pre-release passes only a set with a comparator on a pre-release of the same major.minor.patch. */
    private static boolean prereleaseAllowed(List<Comparator> set, SemVer version) {
        if (!version.isPrerelease()) {
            return true;
        }
        for (Comparator c : set) {
            if (c.version().isPrerelease() && c.version().release().equals(version.release())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prefix Changesets keeps when it rewrites a range to a new version: {@code ^}, {@code ~},
     * {@code >=}, {@code <=}, {@code >}, {@code <} or nothing.
     */
    public static String prefix(String range) {
        for (String p : List.of("^", "~", ">=", "<=", ">", "<")) {
            if (range.startsWith(p)) {
                return p;
            }
        }
        return "";
    }

    /**
     * The version npm's {@code semver.inc(version, type)} gives: a pre-release moves to its own
     * release when that already is the bump (1.1.0-alpha.0 with minor gives 1.1.0).
     */
    public static SemVer increment(SemVer version, Bump type) {
        boolean pre = version.isPrerelease();
        BigInteger zero = BigInteger.ZERO;
        return switch (type) {
            case MAJOR -> pre && version.minor().equals(zero) && version.patch().equals(zero) ? version.release() : version.nextMajor();
            case MINOR -> pre && version.patch().equals(zero) ? version.release() : version.nextMinor();
            case PATCH -> pre ? version.release() : version.nextPatch();
            case NONE -> version;
        };
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<Comparator> parseSet(String set) {
        List<Comparator> out = new ArrayList<>();
        Matcher hyphen = HYPHEN.matcher(set);
        if (hyphen.matches()) {
            Partial from = partial(hyphen.group(1));
            Partial to = partial(hyphen.group(2));
            if (from == null || to == null) {
                return null;
            }
            if (!from.anyMajor()) {
                out.add(new Comparator(Op.GE, from.full()));
            }
            if (!to.anyMajor()) {
                out.add(to.patch() != null ? new Comparator(Op.LE, to.full()) : upper(to));
            }
            return out;
        }
        // operators may be followed by spaces: ">= 1.2.3" is one comparator
        String joined = set.replaceAll("(\\^|~>?|>=|<=|>|<|=)\\s+", "$1");
        if (joined.isEmpty()) {
            return out;
        }
        for (String token : joined.split("\\s+")) {
            if (!comparator(token, out)) {
                return null;
            }
        }
        return out;
    }

    /** The exclusive upper bound of a partial version with wildcards: 1.2 gives <1.3.0-0, 1 gives <2.0.0-0. */
    private static Comparator upper(Partial p) {
        String next = p.minor() == null ? p.major().add(BigInteger.ONE) + ".0.0-0" : p.major() + "." + p.minor().add(BigInteger.ONE) + ".0-0";
        return new Comparator(Op.LT, SemVer.parse(next));
    }

    private static boolean comparator(String token, List<Comparator> out) {
        Matcher m = COMPARATOR.matcher(token);
        if (!m.matches()) {
            return false;
        }
        String op = m.group(1) == null ? "" : m.group(1);
        Partial p = partial(m.group(2));
        if (p == null || ((op.equals("^") || op.startsWith("~")) && m.group(2).isEmpty())) {
            return false;
        }
        BigInteger one = BigInteger.ONE;
        if (op.equals("^")) {
            if (p.anyMajor()) {
                return true;
            }
            out.add(new Comparator(Op.GE, p.full()));
            String next;
            if (p.minor() == null || p.major().signum() > 0) {
                next = p.major().add(one) + ".0.0-0";
            } else if (p.patch() == null || p.minor().signum() > 0) {
                next = "0." + p.minor().add(one) + ".0-0";
            } else {
                next = "0.0." + p.patch().add(one) + "-0";
            }
            out.add(new Comparator(Op.LT, SemVer.parse(next)));
            return true;
        }
        if (op.startsWith("~")) {
            if (p.anyMajor()) {
                return true;
            }
            out.add(new Comparator(Op.GE, p.full()));
            out.add(upper(new Partial(p.major(), p.minor(), null, null)));
            return true;
        }
        if (p.anyMajor()) {
            // "*", ">=*": any version; "<*", ">*": none
            if (op.equals("<") || op.equals(">")) {
                out.add(new Comparator(Op.LT, SemVer.parse("0.0.0-0")));
            }
            return true;
        }
        boolean partialVersion = p.minor() == null || p.patch() == null;
        if (!partialVersion) {
            out.add(new Comparator(switch (op) {
                case ">=" -> Op.GE;
                case ">" -> Op.GT;
                case "<=" -> Op.LE;
                case "<" -> Op.LT;
                default -> Op.EQ;
            }, p.full()));
            return true;
        }
        Partial next = p.minor() == null ? new Partial(p.major().add(one), BigInteger.ZERO, BigInteger.ZERO, null)
                : new Partial(p.major(), p.minor().add(one), BigInteger.ZERO, null);
        switch (op) {
            case ">" -> out.add(new Comparator(Op.GE, next.full()));
            case ">=" -> out.add(new Comparator(Op.GE, p.full()));
            case "<" -> out.add(new Comparator(Op.LT, SemVer.parse(p.full() + "-0")));
            case "<=" -> out.add(new Comparator(Op.LT, SemVer.parse(next.full() + "-0")));
            default -> {
                out.add(new Comparator(Op.GE, p.full()));
                out.add(upper(p));
            }
        }
        return true;
    }

    private static Partial partial(String text) {
        String t = text.startsWith("=") ? text.substring(1) : text;
        if (t.isEmpty()) {
            return new Partial(null, null, null, null);
        }
        Matcher m = PARTIAL.matcher(t);
        if (!m.matches()) {
            return null;
        }
        BigInteger major = number(m.group(1));
        BigInteger minor = major == null ? null : number(m.group(2));
        BigInteger patch = minor == null ? null : number(m.group(3));
        return new Partial(major, minor, patch, patch == null ? null : m.group(4));
    }

    private static BigInteger number(String part) {
        return part == null || part.equalsIgnoreCase("x") || part.equals("*") ? null : new BigInteger(part);
    }
}
