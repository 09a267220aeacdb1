package ai.brokle.release.changesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.ChangesetsCli;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.SemVer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranges and increments mean what npm's semver package (the one Changesets uses) says they mean. */
class NpmRangeTest {
    private static final List<String> VERSIONS = List.of("0.0.1", "0.0.2", "0.1.0", "0.5.0", "0.5.1", "0.6.0", "0.5.0-alpha.0",
            "0.5.0-alpha.1", "0.6.0-alpha.0", "1.0.0", "1.0.1", "1.2.0", "1.2.3", "1.3.0", "1.3.0-alpha.0", "1.2.0-alpha.1",
            "2.0.0", "2.0.0-alpha.0", "2.0.1", "3.0.0");
    private static final List<String> RANGES = List.of("^1.2.0", "~1.2.0", "1.2.0", "=1.2.0", "v1.2.0", ">=1.0.0", ">1.0.0", "<2.0.0",
            "<=2.0.0", "^0.5.0", "~0.5.0", "^0.0.1", "^0.0", "^0", "^0.x", "^1.x", "^1.2", "~1", "~1.2", "^0.5.0-alpha.0",
            "~0.5.0-alpha.0", "0.5.0-alpha.0", "*", "x", "", "1.x", "1.2.x", "1", "1.2", ">1", ">1.2", "<1.2", "<=1.2", ">=1.2",
            "1.x || 2.x", "1.0.0 - 2.0.0", "1 - 2", "1.2 - 2.3", ">=1.0.0 <2.0.0", ">= 1.0.0", "^1.2.0 || ^2.0.0-alpha.0",
            "<*", ">=*", "workspace:^", "workspace:*", "file:../brokle", "link:../brokle", "latest", "foo", "^1.2.3.4", "01.2.3",
            "1.2.3-", "^", "~", "1.0.0 - ", ">=1.0.0 || foo");

    @TempDir
    Path tmp;

    @Test
    void satisfiesAndValidityAgreeWithNpmSemver() throws Exception {
        Files.writeString(tmp.resolve("ranges.json"), json(RANGES));
        Files.writeString(tmp.resolve("versions.json"), json(VERSIONS));
        String script = "const s=require('semver');const fs=require('fs');"
                + "const rs=JSON.parse(fs.readFileSync('ranges.json','utf8'));const vs=JSON.parse(fs.readFileSync('versions.json','utf8'));"
                + "const out=[];for(const r of rs){const valid=s.validRange(r)!==null;out.push('valid|'+r+'|'+valid);"
                + "if(valid){out.push('any|'+r+'|'+(new s.Range(r).range===''));for(const v of vs)out.push(v+'|'+r+'|'+s.satisfies(v,r));}}"
                + "process.stdout.write(out.join('\\n'))";
        List<String> expected = List.of(ChangesetsCli.node(tmp, script).strip().split("\n"));
        List<String> actual = new ArrayList<>();
        for (String r : RANGES) {
            boolean valid = NpmRange.isValid(r);
            actual.add("valid|" + r + "|" + valid);
            if (valid) {
                actual.add("any|" + r + "|" + NpmRange.parse(r).orElseThrow().isAny());
                for (String v : VERSIONS) {
                    actual.add(v + "|" + r + "|" + NpmRange.satisfies(SemVer.parse(v), r));
                }
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertTrue(expected.size() > 800, "the comparison covers every version against every valid range: " + expected.size());
    }

    @Test
    void incrementAgreesWithNpmSemverInc() throws Exception {
        List<String> versions = List.of("1.0.0", "1.2.3", "0.5.0", "1.0.0-alpha.0", "1.1.0-alpha.0", "1.1.1-alpha.0", "0.5.0-alpha.3",
                "2.0.0-rc.1");
        Files.writeString(tmp.resolve("versions.json"), json(versions));
        String script = "const s=require('semver');const vs=JSON.parse(require('fs').readFileSync('versions.json','utf8'));"
                + "const out=[];for(const v of vs)for(const t of ['major','minor','patch'])out.push(v+' '+t+' '+s.inc(v,t));"
                + "process.stdout.write(out.join('\\n'))";
        String expected = ChangesetsCli.node(tmp, script).strip();
        List<String> actual = new ArrayList<>();
        for (String v : versions) {
            for (Bump b : List.of(Bump.MAJOR, Bump.MINOR, Bump.PATCH)) {
                actual.add(v + " " + b.label() + " " + NpmRange.increment(SemVer.parse(v), b));
            }
        }
        assertEquals(expected, String.join("\n", actual));
    }

    @Test
    void rangePrefixesAreThoseChangesetsKeeps() {
        assertEquals("^", NpmRange.prefix("^1.2.0"));
        assertEquals("~", NpmRange.prefix("~1.2.0"));
        assertEquals(">=", NpmRange.prefix(">=1.2.0"));
        assertEquals("", NpmRange.prefix("1.2.0"));
        assertFalse(NpmRange.satisfies(SemVer.parse("1.0.0"), "workspace:^"));
    }

    private static String json(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            out.append(out.length() > 1 ? "," : "").append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append(']').toString();
    }
}
