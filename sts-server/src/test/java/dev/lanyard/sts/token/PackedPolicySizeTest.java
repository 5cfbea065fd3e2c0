package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedPolicySizeTest {
  private static final SessionPolicy POLICY = SessionPolicy.of(
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::reports/*\"}]}",
      List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));

  private static Map<String, String> randomTags(int count, int keyLength, int valueLength, long seed) {
    Random random = new Random(seed);
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      tags.put(i + letters(random, keyLength), letters(random, valueLength));
    }
    return tags;
  }

  private static String letters(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  @Test
  void nothingToPackIsZeroPercent() {
    PackedPolicySize size = PackedPolicySize.measure(SessionPolicy.NONE, SessionTags.none());
    assertEquals(0, size.packedBytes());
    assertEquals(0, size.percent());
    assertFalse(size.exceedsLimit());
  }

  @Test
  void percentIsTheDeflatedSizeOverTheLimitRoundedUp() {
    assertEquals(1, new PackedPolicySize(1, 2048).percent());
    assertEquals(50, new PackedPolicySize(1024, 2048).percent());
    assertEquals(100, new PackedPolicySize(2048, 2048).percent());
    assertEquals(101, new PackedPolicySize(2049, 2048).percent());
    assertFalse(new PackedPolicySize(2048, 2048).exceedsLimit());
    assertTrue(new PackedPolicySize(2049, 2048).exceedsLimit());
  }

  @Test
  void aSmallPolicyUsesLittleAndFiftyMaximalTagsExceedTheLimit() {
    PackedPolicySize small = PackedPolicySize.measure(POLICY, SessionTags.none());
    assertTrue(small.packedBytes() > 0 && small.percent() < 10, small.toString());

    PackedPolicySize moderate = PackedPolicySize.measure(POLICY,
        SessionTags.of(randomTags(50, 8, 30, 1), List.of()));
    assertTrue(moderate.percent() > 40 && !moderate.exceedsLimit(), moderate.toString());

    PackedPolicySize huge = PackedPolicySize.measure(POLICY,
        SessionTags.of(randomTags(50, 125, 256, 2), List.of()));
    assertTrue(huge.exceedsLimit(), huge.toString());
    assertTrue(huge.problem().contains("PackedPolicyTooLarge"));
    assertTrue(huge.problem().contains(huge.percent() + "%"));
  }

  @Test
  void tagOrderDoesNotChangeTheSizeButContentDoes() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("Alpha", "one");
    forward.put("beta", "two");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("beta", "two");
    backward.put("Alpha", "one");
    assertEquals(PackedPolicySize.packedText(POLICY, SessionTags.of(forward, List.of("beta"))),
        PackedPolicySize.packedText(POLICY, SessionTags.of(backward, List.of("beta"))));
    assertTrue(PackedPolicySize.packedText(POLICY, SessionTags.of(forward, List.of()))
        .endsWith("Alpha=one\nbeta=two\n"));

    int withTags = PackedPolicySize.measure(POLICY, SessionTags.of(forward, List.of())).packedBytes();
    int without = PackedPolicySize.measure(POLICY, SessionTags.none()).packedBytes();
    assertTrue(withTags > without);
  }

  @Test
  void aSmallerLimitRaisesThePercentage() {
    PackedPolicySize standard = PackedPolicySize.measure(POLICY, SessionTags.none());
    PackedPolicySize tight = PackedPolicySize.measure(POLICY, SessionTags.none(), 64);
    assertEquals(standard.packedBytes(), tight.packedBytes());
    assertTrue(tight.percent() > standard.percent());
  }
}
