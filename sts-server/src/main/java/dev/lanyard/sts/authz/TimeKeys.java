package dev.lanyard.sts.authz;

import dev.lanyard.policy.condition.ContextValue;
import dev.lanyard.policy.eval.RequestContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * {@code aws:CurrentTime} and {@code aws:EpochTime}, whole seconds as AWS gives them, formatted once
 * per second and shared by every request of that second (so a date condition parses the time once
 * per second, not once per request). Thread-safe: a race only formats twice.
 */
final class TimeKeys {
  private record Second(long epochSecond, ContextValue currentTime, ContextValue epochTime) {}

  private volatile Second last = new Second(Long.MIN_VALUE, null, null);

  /** Puts both keys for {@code now} into {@code b}. */
  void putInto(RequestContext.Builder b, Instant now) {
    Second s = last;
    long epochSecond = now.getEpochSecond();
    if (s.epochSecond() != epochSecond) {
      s = new Second(epochSecond,
          ContextValue.of(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond))),
          ContextValue.of(Long.toString(epochSecond)));
      last = s;
    }
    b.put("aws:currenttime", s.currentTime());
    b.put("aws:epochtime", s.epochTime());
  }
}
