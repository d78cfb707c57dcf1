package dev.winnow.score;

import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An element's children grouped by tag and class: the items of a grid, the posts of a thread, the entries of a
 * menu. Worked out once per parent for both readers of it, the page shape (its largest run of look-alike
 * children) and the HTML front end (how many look-alikes each block's element has). Immutable.
 */
public final class SiblingGroups {
    /** Per child node, by sibling index: how many element children share its tag and class; 0 for other nodes. */
    private final int[] sizes;
    private final int largest;
    /** The tag and class of the first group to reach the largest size, as "tag.class". */
    private final String largestKey;

    private SiblingGroups(int[] sizes, int largest, String largestKey) {
        this.sizes = sizes;
        this.largest = largest;
        this.largestKey = largestKey;
    }

    /** The groups of {@code parent}'s element children (it has at least one). */
    public static SiblingGroups of(Element parent) {
        int[] sizes = new int[parent.childNodeSize()];
        List<Element> children = parent.children();
        String[] keys = new String[children.size()];
        Map<String, Integer> counts = new HashMap<>();
        int largest = 0;
        String largestKey = null;
        for (int i = 0; i < keys.length; i++) {
            Element child = children.get(i);
            keys[i] = child.normalName() + '.' + Attr.className(child);
            int n = counts.merge(keys[i], 1, Integer::sum);
            if (n > largest) {
                largest = n;
                largestKey = keys[i];
            }
        }
        for (int i = 0; i < keys.length; i++) sizes[children.get(i).siblingIndex()] = counts.get(keys[i]);
        return new SiblingGroups(sizes, largest, largestKey);
    }

    /** How many of the element children share the tag and class of the child node at {@code siblingIndex}. */
    public int sizeOf(int siblingIndex) {
        return sizes[siblingIndex];
    }

    /** The size of the largest group. */
    public int largest() {
        return largest;
    }

    /** The largest group (the first to reach its size) is of list items or options: as often a menu as a grid. */
    public boolean largestIsListItems() {
        return largestKey != null && (largestKey.startsWith("li.") || largestKey.startsWith("option."));
    }
}
