package dev.winnow.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented scrape-like documents for whole-run tests: prose paragraphs mixed with the chrome the stages
 * remove (menus, banners, slugs, captions, bylines, teasers, repeated quotes), in a seeded random order
 * and layout, so every run of a test sees the same inputs.
 */
final class Generated {
    private Generated() {}

    private static final String[] PROSE = {
            "The harbour lights festival returned on Saturday after a five year pause, organisers said.",
            "Thousands of visitors walked along the quay to watch the lantern boats drift past the old pier.",
            "Many of the lanterns were made by hand in a small workshop near the fish market.",
            "The council said the boats would sail again next year if the weather allowed it.",
            "“We have never seen so many boats on the water at once,” the harbour master said.",
            "Shop owners along the quay reported their busiest weekend since the market hall reopened.",
            "Volunteers spent the following morning clearing paper and wire from the beach below the pier.",
            "A new ferry timetable will add two late crossings on festival nights, the operator said.",
    };
    private static final String[] CHROME = {
            "Skip to content", "• Events", "• Harbour", "• Old Town", "LIVE", "Share on Facebook", "12 Comments",
            "Sign up for our newsletter", "(BUTTON) Search", "harbour-lights-festival-returns", "Alamy",
            "The mayor (left) greets visitors at the quay. EPA via Shutterstock", "By Lena Marsh", "March 4, 2023",
            "Ten Ways to Keep Your Garden Green Through a Dry Summer", "Related stories", "English | Español",
            "“We have never seen so many boats on the water at once,” she said.", "in", "© Harbour Press",
    };

    /** {@code count} documents from a fixed seed. */
    static List<String> documents(int count, long seed) {
        Random random = new Random(seed);
        List<String> docs = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            StringBuilder sb = new StringBuilder("Harbour Lights Festival Returns After Five Years\n");
            String separator = random.nextBoolean() ? "\n\n" : "\n";
            int parts = 4 + random.nextInt(14);
            for (int i = 0; i < parts; i++) {
                boolean prose = random.nextInt(3) > 0;
                String[] pool = prose ? PROSE : CHROME;
                sb.append(pool[random.nextInt(pool.length)]).append(prose ? separator : "\n");
            }
            if (random.nextInt(4) == 0) sb.append("The boats sailed at dusk. — Coastal Daily\n");
            docs.add(sb.toString());
        }
        return docs;
    }
}
