package dev.lanyard.sts.keys;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Seeded SecureRandom instances, so test runs repeat. */
public final class TestRandom {
  private TestRandom() {}

  public static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
