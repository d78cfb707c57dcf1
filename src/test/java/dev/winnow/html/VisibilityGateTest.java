package dev.winnow.html;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suffix gate before {@link Visibility#hidingName}: it may let a name through, never turn a hiding one away. */
class VisibilityGateTest {
    private static final List<String> HIDING = List.of("hidden", "hide", "invisible", "visually-hidden", "visuallyHidden",
            "sr-only", "srOnly", "screen-reader-text", "screen-reader-only", "element-invisible", "d-none", "display_none",
            "HIDDEN", "Hide", "sr-only-", "hidden_");
    private static final List<String> PREFIXES = List.of("", "is-", "u-", "aok-", "ips", "js-", "md-", "x-", "verylong-");

    @Test
    void everyHidingNameGetsThroughTheGate() {
        int hiding = 0;
        for (String prefix : PREFIXES) {
            for (String name : HIDING) {
                String whole = prefix + name;
                if (Visibility.hidingName(whole)) {
                    hiding++;
                    assertTrue(Visibility.mayHide(whole, 0, whole.length()), whole);
                }
            }
        }
        assertTrue(hiding > HIDING.size(), "the cases hold hiding names: " + hiding);
    }

    @Test
    void randomNamesNeverDisagreeWithTheFullTest() {
        Random random = new Random(7);
        String alphabet = "abcdehilnorsvyDHNOS0-_:é";
        List<String> words = new ArrayList<>(HIDING);
        words.addAll(List.of("overflow-hidden", "hidden-xs", "row", "col-md-4", "md:block", "btn", "nav__item"));
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            if (random.nextBoolean()) b.append(PREFIXES.get(random.nextInt(PREFIXES.size())));
            if (random.nextBoolean()) b.append(words.get(random.nextInt(words.size())));
            for (int n = random.nextInt(4); n > 0; n--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String name = b.toString();
            if (name.isEmpty()) continue;
            if (Visibility.hidingName(name)) assertTrue(Visibility.mayHide(name, 0, name.length()), name);
        }
    }

    @Test
    void mostNamesAreTurnedAwayAndTheClassStringStillDecides() {
        assertFalse(Visibility.mayHide("container", 0, "container".length()));
        assertFalse(Visibility.mayHide("col-md-4", 0, "col-md-4".length()));
        // a range of a longer class string, as classesHide asks
        assertTrue(Visibility.mayHide("row sr-only col", 4, 11));
        assertTrue(Visibility.classesHide("row sr-only"));
        assertFalse(Visibility.classesHide("hidden md:block"));
        assertFalse(Visibility.classesHide("overflow-hidden"));
        assertEquals(Visibility.classesHide("is-hidden  d-lg-block"), false);
    }
}
