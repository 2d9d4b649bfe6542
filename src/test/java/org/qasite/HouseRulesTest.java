package org.qasite;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.qasite.events.EventsDisabled;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.scheduler.Scheduled;

/**
 * The directions imports may take between the site's packages (docs/architecture.md draws them), and that scheduled
 * jobs wait for the start. A change that breaks one fails the build, with the classes and lines that break it.
 */
class HouseRulesTest {

    private static final JavaClasses SITE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.qasite");

    @Test
    void noPackageCycles() {
        assertHolds(slices().matching("org.qasite.(**)").should().beFreeOfCycles()
                .because("a package that needs another must not be needed by it, directly or through others"));
    }

    @Test
    void eventsKnowNoFeature() {
        assertHolds(classes().that().resideInAPackage("org.qasite.events..").should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.qasite..")).or(resideInAPackage("org.qasite.events..")))
                .because("the stream, its outbox and its consumer piece serve every feature and know none"));
    }

    @Test
    void servicesAndEntitiesKnowNoPages() {
        assertHolds(noClasses().that().haveSimpleNameEndingWith("Service").or()
                .areAnnotatedWith(Entity.class).should().dependOnClassesThat().resideInAPackage("org.qasite.web..")
                .because("refusals live in org.qasite.refusal; the page layer sits above the services"));
    }

    @Test
    void pagePlumbingKnowsNoFeature() {
        assertHolds(classes().that().resideInAPackage("org.qasite.web..").should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.qasite.."))
                        .or(resideInAnyPackage("org.qasite.web..", "org.qasite.refusal..", "org.qasite.text..")))
                .because("web/ holds what every page needs, and nothing of one feature"));
    }

    @Test
    void refusalsAndTextStandAlone() {
        assertHolds(classes().that()
                .resideInAnyPackage("org.qasite.refusal..", "org.qasite.text..").should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.qasite..")).or(resideInAPackage("org.qasite.refusal.."))
                        .or(resideInAPackage("org.qasite.text..")))
                .because("services, entities and pages all use them"));
    }

    @Test
    void liveIsNotCalledByFeatures() {
        assertHolds(consumerUsedOnlyByItselfAndAdmin("org.qasite.live.."));
    }

    @Test
    void mailIsNotCalledByFeatures() {
        assertHolds(consumerUsedOnlyByItselfAndAdmin("org.qasite.mail.."));
    }

    @Test
    void statsIsNotCalledByFeatures() {
        assertHolds(consumerUsedOnlyByItselfAndAdmin("org.qasite.stats.."));
    }

    /**
     * The notifications' consumer group sits with the consumers: features reach it through events (and the question page
     * through a CDI event it observes); only the consumers that show and mail what it made read it.
     */
    @Test
    void notificationsAreNotCalledByFeatures() {
        assertHolds(noClasses().that()
                .resideOutsideOfPackages("org.qasite.notification..", "org.qasite.admin..", "org.qasite.live..",
                        "org.qasite.mail..")
                .should().dependOnClassesThat().resideInAPackage("org.qasite.notification..")
                .because("features write events; they never call a consumer of the stream"));
    }

    /**
     * The scheduler runs a job as soon as it starts, while Quarkus may still be creating the Redis data sources; a job
     * that touches Redis then can make the start fail (a ConcurrentModificationException in the Redis client's map).
     * So every job waits: skipped until the start is over ({@link EventsDisabled}), or delayed.
     */
    @Test
    void scheduledJobsWaitForTheStart() {
        assertHolds(
                methods().that().areAnnotatedWith(Scheduled.class).should(new ArchCondition<JavaMethod>("wait for the start") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Scheduled job = method.getAnnotationOfType(Scheduled.class);
                        boolean waits = job.skipExecutionIf() == EventsDisabled.class || !job.delayed().isEmpty();
                        events.add(new SimpleConditionEvent(method, waits, method.getFullName()
                                + (waits ? " waits" : " neither skips with EventsDisabled nor is delayed")));
                    }
                }).because("a job that touches Redis during the start can make it fail"));
    }

    /** Asserts that the site keeps the rule; a failure lists every class, method and line that breaks it. */
    private static void assertHolds(ArchRule rule) {
        assertThat(rule.getDescription(), rule.evaluate(SITE).getFailureReport().getDetails(), empty());
    }

    /**
     * A consumer of the stream (live, mail, stats) is reached through the stream; only the administrators' pages above all may
     * read it.
     */
    private static ArchRule consumerUsedOnlyByItselfAndAdmin(String consumer) {
        return noClasses().that().resideOutsideOfPackages(consumer, "org.qasite.admin..").should()
                .dependOnClassesThat().resideInAPackage(consumer)
                .because("features write events; they never call a consumer of the stream");
    }
}
