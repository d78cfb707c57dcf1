package dev.winnow.score;

import java.util.HashMap;
import java.util.Map;

/**
 * An element's children grouped by tag and class: the items of a grid, the posts of a thread, the entries of a
 * menu. Worked out once per parent for both readers of it, the page shape (its largest run of look-alike
 * children) and the HTML front end (how many look-alikes each block's element has). Immutable.
 */
public final class SiblingGroups {
    /** Per element child, in order: how many element children share its tag and class. */
    private final int[] sizes;
    private final int largest;
    /** The tag of the first group to reach the largest size. */
    private final String largestTag;

    private SiblingGroups(int[] sizes, int largest, String largestTag) {
        this.sizes = sizes;
        this.largest = largest;
        this.largestTag = largestTag;
    }

    /** A group's key: a pair, not "tag.class" joined, which would be a new string to build and hash per child. */
    private record Look(String tag, String className) {}

    /**
     * The groups of a parent's first {@code count} element children, given in order by their tags and their class
     * attributes without surrounding white space (as {@link org.jsoup.nodes.Element#className()} gives them).
     */
    public static SiblingGroups of(String[] tags, String[] classNames, int count) {
        Look[] keys = new Look[count];
        Map<Look, Integer> counts = new HashMap<>();
        int largest = 0;
        String largestTag = null;
        for (int i = 0; i < count; i++) {
            keys[i] = new Look(tags[i], classNames[i]);
            int n = counts.merge(keys[i], 1, Integer::sum);
            if (n > largest) {
                largest = n;
                largestTag = tags[i];
            }
        }
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) sizes[i] = counts.get(keys[i]);
        return new SiblingGroups(sizes, largest, largestTag);
    }

    /** How many of the element children share the tag and class of the {@code i}-th element child. */
    public int sizeOf(int i) {
        return sizes[i];
    }

    /** The size of the largest group. */
    public int largest() {
        return largest;
    }

    /** The largest group (the first to reach its size) is of list items or options: as often a menu as a grid. */
    public boolean largestIsListItems() {
        return "li".equals(largestTag) || "option".equals(largestTag);
    }
}
