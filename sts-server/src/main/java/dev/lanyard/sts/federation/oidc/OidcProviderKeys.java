package dev.lanyard.sts.federation.oidc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.OidcProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The signing keys of registered OpenID Connect providers, fetched over HTTPS ({@link
 * ProviderKeyFetcher}) and cached per provider URL and thumbprint set.
 *
 * <ul>
 *   <li>A cached key set is used for {@link KeyFetchSettings#cacheTtl()}, then fetched again.
 *   <li>A token naming an unknown {@code kid} may force a refetch ({@link #refetch}), at most once
 *       per {@link KeyFetchSettings#minRefetchInterval()} per provider.
 *   <li>At most one fetch per provider is in flight; concurrent callers wait for it and share its
 *       result.
 *   <li>A failed fetch keeps the last good key set; after a failure no new attempt is made for the
 *       minimum interval. A provider with no key set yet whose fetch fails is {@code
 *       IDPCommunicationError} (retryable).
 * </ul>
 *
 * <p>TLS uses the JVM's default trust store (so {@code -Djavax.net.ssl.trustStore} applies) unless
 * an {@link SSLContext} is given. Thread-safe.
 */
public final class OidcProviderKeys {
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ProviderKeyFetcher fetcher;
  private final KeyFetchSettings settings;
  private final Clock clock;

  /** Keys fetched with the JVM's default TLS trust. */
  public OidcProviderKeys(KeyFetchSettings settings, Clock clock) {
    this(settings, clock, null);
  }

  /** Keys fetched with this TLS context (null for the JVM default). */
  public OidcProviderKeys(KeyFetchSettings settings, Clock clock, SSLContext sslContext) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fetcher = new ProviderKeyFetcher(settings, sslContext);
  }

  /**
   * The provider's current key set: the cached one while fresh, else fetched (or the last good one
   * when that fetch fails).
   *
   * @throws LanyardException {@code IDPCommunicationError} when no key set can be had
   */
  public ProviderKeySet current(OidcProvider provider) {
    Entry entry = entry(provider);
    ProviderKeySet keys = entry.keys;
    if (keys != null && fresh(keys, clock.instant())) {
      return keys;
    }
    return load(entry, provider, false);
  }

  /**
   * The provider's key set after a fetch forced by an unknown {@code kid}, unless one was forced
   * less than the minimum interval ago or a fetch failed that recently: then the key set at hand.
   *
   * @throws LanyardException {@code IDPCommunicationError} when no key set can be had
   */
  public ProviderKeySet refetch(OidcProvider provider) {
    return load(entry(provider), provider, true);
  }

  private ProviderKeySet load(Entry entry, OidcProvider provider, boolean forced) {
    CompletableFuture<ProviderKeySet> pending;
    boolean mine = false;
    synchronized (entry) {
      if (entry.inFlight != null) {
        pending = entry.inFlight;
      } else {
        Instant now = clock.instant();
        boolean failedRecently = entry.failedAt != null && now.isBefore(entry.failedAt.plus(settings.minRefetchInterval()));
        boolean forcedRecently = entry.forcedAt != null && now.isBefore(entry.forcedAt.plus(settings.minRefetchInterval()));
        if (failedRecently || (forced ? forcedRecently : entry.keys != null && fresh(entry.keys, now))) {
          return usable(entry, provider);
        }
        if (forced) {
          entry.forcedAt = now;
        }
        pending = new CompletableFuture<>();
        entry.inFlight = pending;
        mine = true;
      }
    }
    if (mine) {
      fetchInto(entry, provider, pending);
    }
    try {
      return pending.join();
    } catch (CompletionException e) {
      return usable(entry, provider);
    }
  }

  private void fetchInto(Entry entry, OidcProvider provider, CompletableFuture<ProviderKeySet> pending) {
    try {
      ProviderKeySet fetched = new ProviderKeySet(fetcher.fetch(provider), clock.instant());
      synchronized (entry) {
        entry.keys = fetched;
        entry.failedAt = null;
        entry.failure = null;
        entry.inFlight = null;
      }
      pending.complete(fetched);
    } catch (RuntimeException e) {
      LanyardException failure = e instanceof LanyardException known ? known
          : ProviderKeyFetcher.failure(provider.url(), "the keys could not be read (" + e.getClass().getSimpleName() + ")");
      synchronized (entry) {
        entry.failedAt = clock.instant();
        entry.failure = failure.getMessage();
        entry.inFlight = null;
      }
      pending.completeExceptionally(failure);
    }
  }

  /** The entry's key set, fresh or not, else the last failure as {@code IDPCommunicationError}. */
  private static ProviderKeySet usable(Entry entry, OidcProvider provider) {
    synchronized (entry) {
      if (entry.keys != null) {
        return entry.keys;
      }
      String failure = entry.failure != null ? entry.failure
          : "OpenID Connect provider " + provider.url() + ": its keys have not been fetched yet";
      throw new LanyardException(AwsErrorCode.IDPCommunicationError, failure, true);
    }
  }

  private boolean fresh(ProviderKeySet keys, Instant now) {
    return now.isBefore(keys.fetchedAt().plus(settings.cacheTtl()));
  }

  private Entry entry(OidcProvider provider) {
    return entries.computeIfAbsent(cacheKey(provider), key -> new Entry());
  }

  /** Provider URL and sorted lower-case thumbprints: a change of pins never reuses keys fetched under others. */
  static String cacheKey(OidcProvider provider) {
    return provider.url() + "\n" + provider.thumbprints().stream()
        .map(t -> t.toLowerCase(Locale.ROOT)).sorted().distinct().collect(Collectors.joining(","));
  }

  /** One provider's cache state; fields guarded by the entry's monitor, {@code keys} also read without it. */
  private static final class Entry {
    volatile ProviderKeySet keys;
    Instant forcedAt;
    Instant failedAt;
    String failure;
    CompletableFuture<ProviderKeySet> inFlight;
  }
}
