package cn.yjzf.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    static final String[] BUSINESS = {"cn.yjzf.enterprise..", "cn.yjzf.inspection..", "cn.yjzf.rectification..",
            "cn.yjzf.rulerelease..", "cn.yjzf.batch..", "cn.yjzf.casework..", "cn.yjzf.calendar..", "cn.yjzf.penalty..",
            "cn.yjzf.organisation..", "cn.yjzf.documents..", "cn.yjzf.audit..", "cn.yjzf.demo..", "cn.yjzf.supervision..",
            "cn.yjzf.casedocuments.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.yjzf");
    }

    @Test
    void judgmentDependsOnNoBusinessPackage() {
        noClasses().that().resideInAPackage("cn.yjzf.judgment..").should().dependOnClassesThat().resideInAnyPackage(BUSINESS)
                .check(classes);
    }

    @Test
    void documentsDependOnNoBusinessPackageAndCaseworkNotOnItsDocuments() {
        noClasses().that().resideInAPackage("cn.yjzf.documents..").should().dependOnClassesThat()
                .resideInAnyPackage(java.util.Arrays.stream(BUSINESS).filter(p -> !p.equals("cn.yjzf.documents..")).toArray(String[]::new))
                .check(classes);
        noClasses().that().resideInAPackage("cn.yjzf.casework..").should().dependOnClassesThat()
                .resideInAPackage("cn.yjzf.casedocuments..").check(classes);
    }

    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching("cn.yjzf.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void procedureRuleFactsKnowNothingButThemselvesAndTheRuleEngine() {
        noClasses().that().resideInAPackage("cn.yjzf.casework.facts..").should().dependOnClassesThat().resideOutsideOfPackages(
                        "cn.yjzf.casework.facts..", "java..", "org.kie..")
                .check(classes);
    }

    @Test
    void theCalendarDependsOnNoCaseworkAndCaseworkOnNoOtherFeatureButItsSuppliers() {
        noClasses().that().resideInAPackage("cn.yjzf.calendar..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.yjzf.casework..", "cn.yjzf.inspection..", "cn.yjzf.enterprise..").check(classes);
        noClasses().that().resideInAPackage("cn.yjzf.casework..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.yjzf.inspection..", "cn.yjzf.rectification..", "cn.yjzf.rulerelease..",
                        "cn.yjzf.batch..", "cn.yjzf.demo..")
                .check(classes);
    }

    /** 挂牌督办 sits on top: others learn of it only through the advice and interfaces it implements. */
    @Test
    void nothingDependsOnSupervision() {
        noClasses().that().resideOutsideOfPackage("cn.yjzf.supervision..").should().dependOnClassesThat()
                .resideInAPackage("cn.yjzf.supervision..").check(classes);
    }

    /** Statistics and 执法公示 only read the other features' tables: nothing may depend on them. */
    @Test
    void noFeatureDependsOnStatisticsOrPublication() {
        noClasses().that().resideOutsideOfPackages("cn.yjzf.statistics..").should().dependOnClassesThat()
                .resideInAPackage("cn.yjzf.statistics..").check(classes);
        noClasses().that().resideOutsideOfPackages("cn.yjzf.publication..").should().dependOnClassesThat()
                .resideInAPackage("cn.yjzf.publication..").check(classes);
    }

    /** "Today" and local times are the bureau's (AppTime, 北京时间), never the server's: in UTC a day behind 00:00–08:00. */
    @Test
    void nothingAsksTheServerClockForADate() {
        noClasses().should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalTime.class, "now")
                .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
                .because("dates come from cn.yjzf.common.AppTime").check(classes);
    }
}
