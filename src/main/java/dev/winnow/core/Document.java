package dev.winnow.core;

import java.util.List;
import java.util.Map;

/**
 * The outcome of cleaning one input: the normalized source, the kept body blocks, every removal and
 * the gathered metadata. {@code removals} together with the body and metadata account for every
 * non-blank line of the source.
 *
 * @param source   the normalized input text; all offsets refer to it
 * @param layout   how the input was laid out (see {@link Layout})
 * @param body     the kept blocks, in order
 * @param removals every cut, in the order the stages made them
 * @param metadata fields filled by stages
 * @param counts   removals per stage and reason code, {@code stage -> code -> count}
 */
public record Document(String source, Layout layout, List<Block> body, List<Removal> removals, Metadata metadata,
                       Map<String, Map<String, Integer>> counts) {

    /** The body text: kept blocks joined by a blank line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : body) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(b.text());
        }
        return sb.toString();
    }
}
