package ai.brokle.release.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of the core, checked on its compiled classes: goals compose capabilities and never
 * each other, capabilities know nothing of goals, packages form no cycle, and nothing is Maven's.
 * Each rule is also run over small broken examples ({@code architecture.broken}), so that a rule
 * that passes is known to be able to fail.
 */
class ArchitectureTest {
    private static final String CORE = "ai.brokle.release";
    private static final String BROKEN = CORE + ".architecture.broken";
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    private static JavaClass outermost(JavaClass c) {
        JavaClass out = c;
        while (out.getEnclosingClass().isPresent()) {
            out = out.getEnclosingClass().get();
        }
        return out;
    }

    /** A goal class: a top-level class of {@code root}'s goal package named after its goal (…Workflow). */
    private static boolean isGoal(JavaClass c, String root) {
        return c.getPackageName().equals(root + ".goal") && c.getSimpleName().endsWith("Workflow");
    }

    static ArchRule noGoalUsesAnother(String root) {
        return classes().that().resideInAPackage(root + ".goal").should(new ArchCondition<JavaClass>("use no other goal class") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                JavaClass self = outermost(item);
                if (!isGoal(self, root)) {
                    return;
                }
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    JavaClass other = outermost(d.getTargetClass());
                    if (isGoal(other, root) && !other.equals(self)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).as("no goal uses another goal");
    }

    static ArchRule capabilitiesDoNotUseGoals(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".goal").should().dependOnClassesThat()
                .resideInAPackage(root + ".goal").as("capability packages do not use the goal package");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().as("the packages have no cycle");
    }

    static ArchRule noMavenType(String root) {
        return noClasses().that().resideInAPackage(root + "..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..").as("the core uses no Maven type");
    }

    @Test
    void theCoreUsesNoMavenType() {
        noMavenType(CORE).check(MAIN);
    }

    @Test
    void noGoalUsesAnotherGoal() {
        noGoalUsesAnother(CORE).check(MAIN);
    }

    @Test
    void capabilityPackagesDoNotUseTheGoalPackage() {
        capabilitiesDoNotUseGoals(CORE).check(MAIN);
    }

    @Test
    void thePackagesHaveNoCycle() {
        noPackageCycles(CORE).check(MAIN);
    }

    @Test
    void eachRuleFindsWhatBreaksIt() {
        JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);
        assertTrue(broken.size() >= 3, "the broken examples were imported: " + broken.size());
        for (ArchRule rule : List.of(noGoalUsesAnother(BROKEN), capabilitiesDoNotUseGoals(BROKEN), noPackageCycles(BROKEN))) {
            assertTrue(rule.evaluate(broken).hasViolation(), rule.getDescription() + " finds the broken example");
        }
        assertEquals(List.of(), noGoalUsesAnother(CORE).evaluate(MAIN).getFailureReport().getDetails());
    }
}
