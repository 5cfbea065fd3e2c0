package dev.lanyard.sts.store;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

/**
 * AWS-style pagination input: the {@code Marker} from a previous truncated page ({@code null} for the
 * first page) and {@code MaxItems} (1-1000, AWS's default 100).
 */
public record PageRequest(String marker, int maxItems) {
    /** AWS's default page size. */
    public static final int DEFAULT_MAX_ITEMS = 100;
    /** AWS's largest page size. */
    public static final int LIMIT_MAX_ITEMS = 1000;

    public PageRequest {
        if (maxItems < 1 || maxItems > LIMIT_MAX_ITEMS) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "maxItems is " + maxItems + "; it must be between 1 and " + LIMIT_MAX_ITEMS, false);
        }
        if (marker != null && marker.isEmpty()) {
            marker = null;
        }
    }

    /** The first page of AWS's default size. */
    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_MAX_ITEMS);
    }

    /** The first page of {@code maxItems}. */
    public static PageRequest first(int maxItems) {
        return new PageRequest(null, maxItems);
    }

    /** The page after {@code marker}, of {@code maxItems}. */
    public static PageRequest after(String marker, int maxItems) {
        return new PageRequest(marker, maxItems);
    }
}
