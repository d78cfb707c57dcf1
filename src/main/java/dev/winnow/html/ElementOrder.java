package dev.winnow.html;

import dev.winnow.score.Attr;
import dev.winnow.score.ClassWords;
import org.jsoup.nodes.Element;

import java.util.Arrays;

/**
 * The page's elements numbered in document order (pre-order) as a walk reaches them, with where each one's
 * descendants end. Facts about elements then sit in arrays by number, not in maps keyed by element, and a
 * later walk finds an element's number by looking forward from the last one it found: walks go in document
 * order. An element's descendants follow it up to its end, so its children are found from the numbers alone.
 * Each element's class and id are read once as it is numbered, and numbered in the page's {@link ClassWords}:
 * every reader of the page asks for them, and jsoup finds an attribute by comparing names one by one. One per
 * page; not thread-safe.
 */
final class ElementOrder {
    private Element[] elements = new Element[256];
    /** Per element, the number after its last descendant; -1 while the walk is below it. */
    private int[] ends = new int[256];
    /** Per element, its parent's number; -1 for the first. */
    private int[] parents = new int[256];
    /** Per element, the numbers of its class and id attributes in {@link #names}. */
    private int[] classes = new int[256];
    private int[] ids = new int[256];
    private final ClassWords names;
    private int size;
    /** The elements the walk is below, innermost last. */
    private int[] open = new int[64];
    private int depth;

    /** An order whose elements' class and id strings are numbered in {@code names}. */
    ElementOrder(ClassWords names) {
        this.names = names;
    }

    /** Numbers {@code e}, the next element in document order; the walk is now below it. Returns its number. */
    int enter(Element e) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            parents = Arrays.copyOf(parents, size * 2);
            classes = Arrays.copyOf(classes, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
        elements[size] = e;
        ends[size] = -1;
        parents[size] = depth > 0 ? open[depth - 1] : -1;
        classes[size] = names.number(Attr.get(e, "class"));
        ids[size] = names.number(Attr.get(e, "id"));
        open[depth++] = size;
        return size++;
    }

    /** The walk leaves the innermost element it is below: its descendants end here. Returns its number. */
    int leave() {
        int number = open[--depth];
        ends[number] = size;
        return number;
    }

    /** How many elements are numbered. */
    int size() {
        return size;
    }

    Element element(int number) {
        return elements[number];
    }

    /** The element's class attribute as written, "" when it has none. */
    String classOf(int number) {
        return names.name(classes[number]);
    }

    /** The number of the element's class attribute in the page's {@link ClassWords}. */
    int classNumber(int number) {
        return classes[number];
    }

    /** The number of the element's id attribute in the page's {@link ClassWords}. */
    int idNumber(int number) {
        return ids[number];
    }

    /** The number of the element's parent, or -1 for the first element (the page). */
    int parent(int number) {
        return parents[number];
    }

    /** The number of the element's first child, or -1 when it has none. */
    int firstChild(int number) {
        return number + 1 < ends[number] ? number + 1 : -1;
    }

    /** The number of the element's next sibling below {@code parent}, or -1 when it is the last child. */
    int nextSibling(int number, int parent) {
        return ends[number] < ends[parent] ? ends[number] : -1;
    }

    /**
     * The number of {@code e}, looking from number {@code from} on: from the last number found, for a walk in
     * document order. {@code e} must be a numbered element at or after {@code from}.
     */
    int numberOf(Element e, int from) {
        int n = from;
        while (elements[n] != e) n++;
        return n;
    }
}
