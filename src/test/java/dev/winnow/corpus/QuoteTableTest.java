package dev.winnow.corpus;

import dev.winnow.text.TextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteTableTest {
    static final String Q = "we will build the new bridge before the winter comes";
    static final String LONGER = "(The minister) said that " + Q;

    record Read(List<QuoteTable.Entry> entries, long[] repeats) {}

    static Read read(QuoteTable t) throws IOException {
        List<QuoteTable.Entry> entries = new ArrayList<>();
        long[] repeats = t.finish(entries::add, true);
        t.close();
        return new Read(entries, repeats);
    }

    @Test
    void listsEachQuotationWithItsCarriersInInputOrder(@TempDir Path dir) throws IOException {
        QuoteTable t = new QuoteTable(dir.resolve("q"));
        // added out of order, as Spark may hand them over
        t.add(Positions.of(2, 0), "c", List.of(LONGER));
        t.add(Positions.of(0, 0), "a", List.of("Another statement of five words", Q));
        t.add(Positions.of(1, 0), "b", List.of(Q.toUpperCase() + "."));
        assertEquals(List.of(
                new QuoteTable.Entry("Another statement of five words", List.of("a")),
                new QuoteTable.Entry(Q, List.of("a", "b", "c")),    // c carries it inside its longer quotation
                new QuoteTable.Entry(LONGER, List.of("c"))), read(t).entries());
        try (var left = Files.list(dir.resolve("q"))) {
            assertEquals(0, left.count(), "the spill files are gone");
        }
    }

    @Test
    void repeatsAreTheLaterCarriersOnly(@TempDir Path dir) throws IOException {
        QuoteTable t = new QuoteTable(dir);
        long a = Positions.of(0, 0), b = Positions.of(1, 0), c = Positions.of(1, 1);
        t.add(a, "a", List.of(Q));
        t.add(b, "b", List.of(Q));
        t.add(c, "c", List.of(LONGER));
        CorpusFacts facts = new CorpusFacts(new long[0], Map.of(), read(t).repeats());
        assertFalse(facts.quoteRepeated(a, TextShape.key(Q)), "the first carrier keeps it");
        assertTrue(facts.quoteRepeated(b, TextShape.key(Q)));
        assertTrue(facts.quoteRepeated(c, TextShape.key(LONGER)), "a longer quotation holding it repeats it too");
    }

    @Test
    void aShorterQuotationInsideALongerOneMustBeWholeWords(@TempDir Path dir) throws IOException {
        QuoteTable t = new QuoteTable(dir);
        t.add(0, "a", List.of("we will build the new bridge before"));
        t.add(1, "b", List.of("so we will build the new bridge beforehand"));
        assertEquals(List.of("a"), read(t).entries().get(0).ids());
    }

    @Test
    void aQuotationThatOpensALongerOneIsCarriedByIt(@TempDir Path dir) throws IOException {
        QuoteTable t = new QuoteTable(dir);
        t.add(0, "a", List.of("we will build the new bridge"));
        t.add(1, "b", List.of("we will build the new bridge before winter"));
        assertEquals(List.of("a", "b"), read(t).entries().get(0).ids());
    }

    @Test
    void manyArticlesSpillAndComeBackInOrder(@TempDir Path dir) throws IOException {
        QuoteTable t = new QuoteTable(dir);
        for (int doc = 999; doc >= 0; doc--) {
            t.add(Positions.of(doc, 0), "d" + doc, List.of("the quotation number " + (doc % 50) + " said by someone here"));
        }
        List<QuoteTable.Entry> entries = read(t).entries();
        assertEquals(50, entries.size());
        for (int q = 0; q < 50; q++) {
            assertEquals("d" + q, entries.get(q).ids().get(0), "first appearance order");
            assertEquals(20, entries.get(q).ids().size());
        }
    }
}
