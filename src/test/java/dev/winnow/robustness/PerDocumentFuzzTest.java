package dev.winnow.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target (Jazzer) over the whole per-document path: bytes, {@code DocumentProcessor.process}, the
 * record line, a strict UTF-8 encode and a JSON parse against the schema, and the cleaned document's
 * invariants ({@link PerDocument#check}).
 *
 * <p>In a normal {@code mvn test} / {@code make test} run this is a plain test: it replays every file in
 * {@code src/test/resources/dev/winnow/robustness/PerDocumentFuzzTestInputs/bytesToRecord/} (Jazzer's
 * layout: the class name plus "Inputs", then the method name), the seed corpus and every crash kept
 * from earlier fuzzing, named after what it found. To fuzz:
 * <pre>JAZZER_FUZZ=1 mvn -o test -Dtest=PerDocumentFuzzTest</pre>
 * New crashes are written into that folder as {@code crash-<sha1>}; rename each after its bug and keep it.
 */
class PerDocumentFuzzTest {

    /**
     * When replaying (no JAZZER_FUZZ), skip Jazzer's bug-detector hooks: they instrument every class the
     * test JVM loads afterwards, log a line per class and add eight seconds to the suite, and none of
     * them (SQL, deserialization, reflection, path traversal...) watches code Winnow has. Fuzzing keeps
     * them. Runs before Jazzer installs its agent, which happens when the fuzz test's inputs are listed.
     */
    @BeforeAll
    static void replayWithoutHooks() {
        if (System.getenv("JAZZER_FUZZ") == null && System.getProperty("jazzer.hooks") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    @FuzzTest(maxDuration = "3m")
    void bytesToRecord(byte[] bytes) {
        PerDocument.check("fuzz.txt", bytes);
    }
}
