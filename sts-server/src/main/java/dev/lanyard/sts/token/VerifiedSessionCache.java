package dev.lanyard.sts.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Instant;

/**
 * Verified sessions by token digest: bounded, and each entry expires when its token does. Time is
 * the injected clock's (the cache's ticker reads it), so expiry follows the same clock as
 * verification; maintenance runs on the calling thread.
 */
final class VerifiedSessionCache {
  private final Cache<TokenDigest, VerifiedSession> cache;

  VerifiedSessionCache(int maximumSize, Clock clock) {
    if (maximumSize < 0) {
      throw new IllegalArgumentException(
          "verified session cache size: must be 0 (no cache) or more, got " + maximumSize);
    }
    this.cache = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .ticker(() -> nanos(clock.instant()))
        .executor(Runnable::run)
        .expireAfter(new UntilTokenExpiry())
        .build();
  }

  VerifiedSession get(TokenDigest digest) {
    return cache.getIfPresent(digest);
  }

  void put(TokenDigest digest, VerifiedSession session) {
    cache.put(digest, session);
  }

  void invalidate(TokenDigest digest) {
    cache.invalidate(digest);
  }

  /** Entries held now, after expired ones are swept. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static final class UntilTokenExpiry implements Expiry<TokenDigest, VerifiedSession> {
    @Override
    public long expireAfterCreate(TokenDigest key, VerifiedSession value, long currentTime) {
      return Math.max(0, nanos(value.expiresAt()) - currentTime);
    }

    @Override
    public long expireAfterUpdate(
        TokenDigest key, VerifiedSession value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(
        TokenDigest key, VerifiedSession value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
