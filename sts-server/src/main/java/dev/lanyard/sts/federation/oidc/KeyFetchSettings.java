package dev.lanyard.sts.federation.oidc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OidcProviderKeys} fetches and caches provider keys.
 *
 * @param cacheTtl how long a fetched key set is used before it is fetched again (default 1 hour)
 * @param minRefetchInterval the least time between two fetches forced by an unknown {@code kid},
 *     and between retries after a failed fetch, per provider (default 60 seconds)
 * @param connectTimeout the TCP and TLS connect timeout (default 3 seconds)
 * @param readTimeout the time allowed for one whole response, headers and body (default 5 seconds)
 * @param maxResponseBytes the largest discovery document or JWKS accepted (default 1 MiB)
 */
public record KeyFetchSettings(Duration cacheTtl, Duration minRefetchInterval, Duration connectTimeout,
    Duration readTimeout, int maxResponseBytes) {

  public KeyFetchSettings {
    positive("cacheTtl", cacheTtl);
    Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
    if (minRefetchInterval.isNegative()) {
      throw new IllegalArgumentException("minRefetchInterval is negative; zero or more is accepted");
    }
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes is " + maxResponseBytes + "; at least 1024 is accepted");
    }
  }

  /** One hour cache, 60 s between forced refetches, 3 s connect, 5 s read, 1 MiB responses. */
  public static KeyFetchSettings defaults() {
    return new KeyFetchSettings(Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(3),
        Duration.ofSeconds(5), 1 << 20);
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " is " + value + "; a positive duration is accepted");
    }
  }
}
