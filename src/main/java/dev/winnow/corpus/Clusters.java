package dev.winnow.corpus;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Groups documents that share a MinHash band bucket, transitively (union-find). A group's root is
 * its smallest position, so the result is the same whatever order the pairs arrive in: the local
 * runner and Spark find the same clusters. Holds only documents that share a bucket with another.
 */
public final class Clusters {
    private final Map<Long, Long> parent = new HashMap<>();

    /** The two documents are near-duplicates of each other. */
    public void union(long a, long b) {
        long ra = root(a), rb = root(b);
        if (ra == rb) return;
        if (ra < rb) parent.put(rb, ra);
        else parent.put(ra, rb);
    }

    private long root(long x) {
        Long p = parent.get(x);
        if (p == null) {
            parent.put(x, x);
            return x;
        }
        long r = x;
        while (true) {
            long up = parent.get(r);
            if (up == r) break;
            r = up;
        }
        // path compression keeps later look-ups short
        long y = x;
        while (y != r) {
            long up = parent.get(y);
            parent.put(y, r);
            y = up;
        }
        return r;
    }

    /** Positions of the representatives, the only ids the result needs. */
    public java.util.Set<Long> roots() {
        java.util.Set<Long> roots = new java.util.TreeSet<>();
        for (long x : parent.keySet()) roots.add(root(x));
        return roots;
    }

    /** Each clustered document's cluster; {@code idOf} gives a representative's record id. */
    public Map<Long, Cluster> build(LongFunction<String> idOf) {
        Map<Long, Integer> sizes = new HashMap<>();
        for (long x : parent.keySet()) sizes.merge(root(x), 1, Integer::sum);
        Map<Long, Cluster> clusters = new HashMap<>();
        for (long x : parent.keySet()) {
            long r = root(x);
            clusters.put(x, new Cluster(idOf.apply(r), r, r == x, sizes.get(r)));
        }
        return clusters;
    }
}
