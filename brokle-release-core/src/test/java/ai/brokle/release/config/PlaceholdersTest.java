package ai.brokle.release.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders are checked when the configuration is read and filled in once, in one pass. */
class PlaceholdersTest {
    @Test
    void anUnknownUnclosedOrMissingPlaceholderIsAProblem() {
        assertEquals(List.of(), Placeholders.COMMIT_MESSAGE.problems("chore(release): {{tags}} ({{components}})"));
        assertEquals(List.of("{{tag}} is not a placeholder here; use {{tags}}, {{versions}}, {{components}}"),
                Placeholders.COMMIT_MESSAGE.problems("chore(release): {{tag}}"));
        assertEquals(List.of("a placeholder is not closed; write them as {{tags}}, {{versions}}, {{components}}"),
                Placeholders.COMMIT_MESSAGE.problems("chore(release): {{tags"));
        assertEquals(List.of("{{updates}} is missing"), Placeholders.SUBMODULE_COMMIT_MESSAGE.problems("chore(deps): update the SDKs"));
    }

    @Test
    void valuesAreFilledInOncePerPlaceholder() {
        // a component whose name looks like a placeholder is not filled in a second time
        assertEquals("chore(release): v1.0.0 ({{versions}})", Placeholders.COMMIT_MESSAGE.render("chore(release): {{tags}} ({{components}})",
                Map.of("tags", "v1.0.0", "components", "{{versions}}", "versions", "1.0.0")));
        assertEquals("{\"v\": \"1.2.3\", \"t\": \"python-v1.2.3\"}", Placeholders.DISPATCH_PAYLOAD.render("{\"v\": \"{{version}}\", \"t\": \"{{tag}}\"}",
                Map.of("version", "1.2.3", "tag", "python-v1.2.3", "component", "python")));
        assertEquals("$1 and \\", Placeholders.DISPATCH_PAYLOAD.render("{{tag}}", Map.of("tag", "$1 and \\")), "values are taken literally");
    }

    @Test
    void aDispatchPayloadWithAMistypedPlaceholderIsRefusedWithItsLine() {
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new ConfigLoader().parse(".brokle-release.yml", "components:\n"
                + "  python:\n    path: .\n    dispatch:\n      - repository: brokle-ai/brokle\n        eventType: sdk-released\n"
                + "        payload:\n          sdk: python\n          version: '{{versoin}}'\n          tags: ['{{tag}}', '{{tga}}']\n"));
        assertTrue(e.problems().contains(".brokle-release.yml:9: components.python.dispatch[0].payload.version: {{versoin}} is not a"
                + " placeholder here; use {{version}}, {{tag}}, {{component}}"), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("components.python.dispatch[0].payload.tags[1]: {{tga}} is not a placeholder")),
                e.problems().toString());
        assertEquals(2, e.problems().size(), e.problems().toString());
    }
}
