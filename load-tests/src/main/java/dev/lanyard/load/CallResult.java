package dev.lanyard.load;

import java.util.List;

/**
 * What one successful call did: how many decisions it returned (1 for the single-item calls) and
 * the error codes of the batch items that failed in place.
 */
public record CallResult(int decisions, List<String> failedItemCodes) {
  /** A single successful call. */
  public static final CallResult ONE = new CallResult(1, List.of());

  public CallResult {
    failedItemCodes = List.copyOf(failedItemCodes);
  }
}
