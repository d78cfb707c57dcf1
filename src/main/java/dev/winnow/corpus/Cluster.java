package dev.winnow.corpus;

import java.io.Serializable;

/**
 * A document's near-duplicate cluster: its id (the id of the representative, the cluster's first
 * document in input order) and that document's position, whether this document is the
 * representative, and how many documents the cluster holds.
 */
public record Cluster(String id, long root, boolean representative, int size) implements Serializable {
    public static Cluster single(String id, long position) {
        return new Cluster(id, position, true, 1);
    }
}
