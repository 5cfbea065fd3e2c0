package dev.lanyard.sts.iam;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * AWS pagination over lists held in memory (an entity's tags, a user's keys, filtered listings):
 * items ordered by a key, the marker the opaque encoding of the last key of the previous page.
 */
final class ListPages {
  private static final String PREFIX = "k1.";
  private static final int ALL = PageRequest.LIMIT_MAX_ITEMS;

  private ListPages() {}

  /** The page of {@code items} (in any order) that {@code page} asks for, ordered by {@code key}. */
  static <T> Page<T> of(List<T> items, Function<T, String> key, PageRequest page) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(key));
    String after = after(page);
    List<T> rest = after == null ? sorted
        : sorted.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
    if (rest.size() <= page.maxItems()) {
      return new Page<>(rest, false, null);
    }
    List<T> items2 = rest.subList(0, page.maxItems());
    String last = key.apply(items2.get(items2.size() - 1));
    return new Page<>(items2, true,
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every item of a store listing, following its markers. */
  static <T> List<T> all(Function<PageRequest, Page<T>> fetch) {
    List<T> out = new ArrayList<>();
    String marker = null;
    do {
      Page<T> p = fetch.apply(new PageRequest(marker, ALL));
      out.addAll(p.items());
      marker = p.truncated() ? p.nextMarker() : null;
    } while (marker != null);
    return out;
  }

  private static String after(PageRequest page) {
    if (page.marker() == null) {
      return null;
    }
    if (!page.marker().startsWith(PREFIX)) {
      throw badMarker();
    }
    try {
      return new String(Base64.getUrlDecoder().decode(page.marker().substring(PREFIX.length())),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badMarker();
    }
  }

  private static LanyardException badMarker() {
    return new LanyardException(AwsErrorCode.InvalidInput,
        "marker is not accepted; accepted: the marker returned by the previous truncated page of this listing", false);
  }
}
