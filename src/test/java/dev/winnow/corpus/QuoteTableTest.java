package dev.winnow.corpus;

import dev.winnow.text.TextShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteTableTest {
    static final String Q = "we will build the new bridge before the winter comes";
    static final String LONGER = "(The minister) said that " + Q;

    @Test
    void listsEachQuotationWithItsCarriersInInputOrder() {
        QuoteTable t = new QuoteTable();
        // added out of order, as Spark may hand them over
        t.add(Positions.of(2, 0), "c", List.of(LONGER));
        t.add(Positions.of(0, 0), "a", List.of("Another statement of five words", Q));
        t.add(Positions.of(1, 0), "b", List.of(Q.toUpperCase() + "."));
        List<QuoteTable.Entry> entries = t.entries();
        assertEquals(List.of(
                new QuoteTable.Entry("Another statement of five words", List.of("a")),
                new QuoteTable.Entry(Q, List.of("a", "b", "c")),    // c carries it inside its longer quotation
                new QuoteTable.Entry(LONGER, List.of("c"))), entries);
    }

    @Test
    void repeatsAreTheLaterCarriersOnly() {
        QuoteTable t = new QuoteTable();
        long a = Positions.of(0, 0), b = Positions.of(1, 0), c = Positions.of(1, 1);
        t.add(a, "a", List.of(Q));
        t.add(b, "b", List.of(Q));
        t.add(c, "c", List.of(LONGER));
        CorpusFacts facts = new CorpusFacts(new long[0], java.util.Map.of(), t.repeats());
        assertFalse(facts.quoteRepeated(a, TextShape.key(Q)), "the first carrier keeps it");
        assertTrue(facts.quoteRepeated(b, TextShape.key(Q)));
        assertTrue(facts.quoteRepeated(c, TextShape.key(LONGER)), "a longer quotation holding it repeats it too");
    }

    @Test
    void ashorterQuotationInsideALongerOneMustBeWholeWords() {
        QuoteTable t = new QuoteTable();
        t.add(0, "a", List.of("we will build the new bridge before"));
        t.add(1, "b", List.of("so we will build the new bridge beforehand"));
        assertEquals(List.of("a"), t.entries().get(0).ids());
    }
}
