package dev.winnow.corpus;

import java.net.URI;
import java.util.Locale;

/**
 * The site a document belongs to, for counting repeated lines: the host of its URL without a
 * leading "www.", or, when it has no usable URL, its origin (the folder or archive it was read
 * from). Pages of one site share a template; files of one folder usually come from one source.
 */
public final class Site {
    private Site() {}

    public static String of(String url, String origin) {
        if (url != null) {
            try {
                String host = URI.create(url.strip()).getHost();
                if (host != null && !host.isEmpty()) {
                    host = host.toLowerCase(Locale.ROOT);
                    return host.startsWith("www.") ? host.substring(4) : host;
                }
            } catch (IllegalArgumentException e) {
                // not a URL we can read: fall back to the origin
            }
        }
        return origin == null ? "" : origin;
    }

    public static long key(String url, String origin) {
        return Hash64.of(of(url, origin));
    }
}
