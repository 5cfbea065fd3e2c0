package dev.lanyard.sts.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved forward by an adjustable offset: time keeps flowing, tests can jump ahead. */
final class ShiftedClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  void jumpTo(Instant target) {
    offset = Duration.between(Instant.now(), target);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
