package dev.winnow.testing;

import dev.winnow.core.Block;
import dev.winnow.core.Scorer;

import java.util.List;
import java.util.Map;

/** A scorer for tests: 0.9 for every block, except blocks containing a key of {@code scores}, which get its value. */
public final class StubScorer {
    private StubScorer() {}

    public static Scorer of(Map<String, Double> scores) {
        return new Scorer() {
            @Override
            public String identity() { return "stub"; }

            @Override
            public double[] score(List<Block> blocks) {
                double[] out = new double[blocks.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = 0.9;
                    for (Map.Entry<String, Double> e : scores.entrySet()) {
                        if (blocks.get(i).text().contains(e.getKey())) out[i] = e.getValue();
                    }
                }
                return out;
            }
        };
    }
}
