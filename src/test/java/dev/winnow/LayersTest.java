package dev.winnow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages form layers, lowest first: {@code text} and {@code vocab} (words and shapes), {@code core}
 * (documents, blocks, the pipeline, reasons), then the library that cleans ({@code score}, {@code stages},
 * {@code html}, {@code formats}, {@code corpus}, {@code archive}, {@code record}), then what every engine
 * shares ({@code run}), then the engines: the local runner ({@code local}, under the command line
 * {@code cli}, whose option groups Spark's command line shares) and Spark. A lower layer never reaches up, so
 * the cleaning library can be used, and tested, without a runner, and no package depends on Spark, which is
 * absent from the jar. Neither engine reaches into the other: what both need is in {@code run}, so a change
 * there reaches both.
 */
class LayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.winnow");

    private static final String[] RUNNERS = {"dev.winnow.run..", "dev.winnow.local..", "dev.winnow.cli..", "dev.winnow.spark.."};
    private static final String[] LIBRARY = {"dev.winnow.score..", "dev.winnow.stages..", "dev.winnow.html..",
            "dev.winnow.formats..", "dev.winnow.corpus..", "dev.winnow.archive..", "dev.winnow.record.."};

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.winnow.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCleaningLibraryNeverReachesARunner() {
        noClasses().that().resideInAnyPackage(LIBRARY).or().resideInAnyPackage("dev.winnow.core..", "dev.winnow.text..", "dev.winnow.vocab..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNNERS)
                .check(MAIN);
    }

    @Test
    void coreKnowsOnlyWordsBelowIt() {
        noClasses().that().resideInAPackage("dev.winnow.core..")
                .should().dependOnClassesThat().resideInAnyPackage(LIBRARY)
                .check(MAIN);
    }

    @Test
    void textAndVocabulariesStandAlone() {
        noClasses().that().resideInAnyPackage("dev.winnow.text..", "dev.winnow.vocab..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.winnow.core..", "dev.winnow.score..", "dev.winnow.stages..",
                        "dev.winnow.html..", "dev.winnow.formats..", "dev.winnow.corpus..", "dev.winnow.archive..",
                        "dev.winnow.record..", "dev.winnow.run..", "dev.winnow.local..", "dev.winnow.cli..", "dev.winnow.spark..")
                .check(MAIN);
    }

    @Test
    void whatTheEnginesShareKnowsNeitherEngine() {
        noClasses().that().resideInAPackage("dev.winnow.run..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.winnow.local..", "dev.winnow.cli..", "dev.winnow.spark..")
                .check(MAIN);
    }

    /** Spark's command line shares the option groups of {@code cli} (so an option added there reaches both), not the local runner. */
    @Test
    void sparkDoesNotUseTheLocalRunner() {
        noClasses().that().resideInAPackage("dev.winnow.spark..")
                .should().dependOnClassesThat().resideInAPackage("dev.winnow.local..")
                .check(MAIN);
    }

    /** Spark is a provided dependency: a class outside the Spark runner that touched it would fail in the jar. */
    @Test
    void onlyTheSparkRunnerKnowsSpark() {
        noClasses().that().resideOutsideOfPackage("dev.winnow.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.winnow.spark..", "org.apache.spark..", "org.apache.hadoop..")
                .check(MAIN);
    }
}
