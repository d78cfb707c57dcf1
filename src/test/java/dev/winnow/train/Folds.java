package dev.winnow.train;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The cross-validation split every trainer shares: pages grouped by domain into {@value #COUNT} folds, so a
 * model is always judged on sites it never saw, and the page typer and the block scorer hold out the same pages.
 */
final class Folds {
    private Folds() {}

    static final int COUNT = 5;

    /** The host of a page's address without {@code www.}, lower case; the address itself when it has no host. */
    static String domain(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) return url;
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The fold of a domain: a hash, so a domain's pages share a fold and the split never depends on order. */
    static int of(String domain) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(domain.getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(((h[0] & 0xff) << 8) | (h[1] & 0xff), COUNT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
