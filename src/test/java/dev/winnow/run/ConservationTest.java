package dev.winnow.run;

import dev.winnow.core.Document;
import dev.winnow.testing.Invariants;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing is lost on real pages: every seed scrape and every bundled benchmark page, decoded as the run
 * decodes them, keeps every invariant through the full text profile.
 */
class ConservationTest {
    static final Path AEB_DEV_TEXT = Path.of("src", "test", "resources", "aeb-dev", "text");
    private static final Decoder DECODER = new Decoder();

    @TestFactory
    Stream<DynamicTest> everySeedKeepsTheInvariants() throws IOException {
        List<Path> seeds = files(GoldenTest.SEEDS);
        assertFalse(seeds.isEmpty(), "no seeds in " + GoldenTest.SEEDS.toAbsolutePath());
        return seeds.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> conserve(p)));
    }

    @TestFactory
    Stream<DynamicTest> everyBenchmarkPageKeepsTheInvariants() throws IOException {
        assumeTrue(Files.isDirectory(AEB_DEV_TEXT), "benchmark pages not copied into " + AEB_DEV_TEXT);
        List<Path> pages = files(AEB_DEV_TEXT);
        assertFalse(pages.isEmpty(), "no pages in " + AEB_DEV_TEXT);
        return pages.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> conserve(p)));
    }

    private static void conserve(Path file) throws IOException {
        Input input = new Input(Inputs.idOf(file), file.toString(), file, null);
        Decoder.Decoded decoded = DECODER.decode(input, Files.readAllBytes(file));
        assertNull(decoded.rejection(), () -> file + " is rejected: " + decoded.rejection());
        Document doc = Invariants.clean(decoded.text());
        assertTrue(!doc.body().isEmpty() || !doc.removals().isEmpty(), "a non-blank page gives blocks");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
