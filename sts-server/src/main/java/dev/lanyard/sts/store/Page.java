package dev.lanyard.sts.store;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing: the items, {@code IsTruncated}, and the {@code Marker} to pass for the next
 * page ({@code null} when not truncated). Markers are opaque.
 */
public record Page<T>(List<T> items, boolean truncated, String nextMarker) {
    public Page {
        items = List.copyOf(items);
        if (truncated) {
            Objects.requireNonNull(nextMarker, "nextMarker");
        } else {
            nextMarker = null;
        }
    }
}
