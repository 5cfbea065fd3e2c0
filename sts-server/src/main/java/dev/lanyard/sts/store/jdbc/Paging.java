package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination: a marker is the opaque encoding of the last sort key of the previous page. A
 * query fetches {@code maxItems + 1} rows after the key to know whether the page is truncated.
 */
final class Paging {
    private static final String PREFIX = "m1.";

    private Paging() {
    }

    /** The sort key after which the page starts ("" for the first page). */
    static String after(PageRequest page) {
        if (page.marker() == null) {
            return "";
        }
        if (!page.marker().startsWith(PREFIX)) {
            throw badMarker();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(page.marker().substring(PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badMarker();
        }
    }

    /** The SQL row limit for a page (one more than asked). */
    static String fetch(PageRequest page) {
        return " FETCH FIRST " + (page.maxItems() + 1) + " ROWS ONLY";
    }

    /** A page from up to {@code maxItems + 1} rows sorted by {@code sortKey}. */
    static <T> Page<T> page(List<T> rows, PageRequest page, Function<T, String> sortKey) {
        if (rows.size() <= page.maxItems()) {
            return new Page<>(rows, false, null);
        }
        List<T> items = rows.subList(0, page.maxItems());
        String last = sortKey.apply(items.get(items.size() - 1));
        return new Page<>(items, true, PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }

    /** A LIKE pattern for a path prefix, with LIKE's wildcards escaped (escape character '!'). */
    static String pathLike(String pathPrefix) {
        return pathPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static LanyardException badMarker() {
        return new LanyardException(AwsErrorCode.InvalidInput,
                "marker is not accepted; pass the marker returned by the previous truncated page", false);
    }
}
