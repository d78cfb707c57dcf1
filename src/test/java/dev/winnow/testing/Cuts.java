package dev.winnow.testing;

import dev.winnow.core.Block;
import dev.winnow.core.Document;
import dev.winnow.core.Reason;
import dev.winnow.core.Removal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions about what a cleaned document removed and kept, with messages that show the whole outcome. */
public final class Cuts {
    private Cuts() {}

    /** The removal whose text is exactly {@code text}. */
    public static Removal removal(Document doc, String text) {
        for (Removal r : doc.removals()) if (r.text().equals(text)) return r;
        return fail("nothing removed with the text \"" + text + "\"\n" + outcome(doc));
    }

    /** {@code text} was removed, with {@code reason}. */
    public static Removal assertRemoved(Document doc, Reason reason, String text) {
        Removal r = removal(doc, text);
        assertEquals(reason, r.reason(), "reason for removing \"" + text + "\"\n" + outcome(doc));
        return r;
    }

    /** A kept block reads exactly {@code text}. */
    public static void assertKept(Document doc, String text) {
        for (Block b : doc.body()) if (b.text().equals(text)) return;
        fail("no kept block reads \"" + text + "\"\n" + outcome(doc));
    }

    /** The stage removed nothing: every block is kept whole. */
    public static void assertNothingRemoved(Document doc) {
        assertTrue(doc.removals().isEmpty(), "expected no removals\n" + outcome(doc));
    }

    /** Every removal and the kept body, for failure messages. */
    public static String outcome(Document doc) {
        StringBuilder sb = new StringBuilder("removals:\n");
        for (Removal r : doc.removals()) {
            sb.append("  ").append(r.stage()).append('/').append(r.reason().code()).append(": ").append(r.text()).append('\n');
        }
        sb.append("kept:\n");
        for (Block b : doc.body()) sb.append("  ").append(b.text()).append('\n');
        return sb.toString();
    }
}
