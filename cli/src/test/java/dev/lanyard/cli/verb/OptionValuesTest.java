package dev.lanyard.cli.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.iam.v1.AccessKeyStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionValuesTest {
  @TempDir Path folder;

  @Test
  void fileUrlsAreRead() throws Exception {
    Path file = Files.writeString(folder.resolve("p.json"), "{\"a\":1}");
    assertEquals("{\"a\":1}", OptionValues.text("--policy", "file://" + file));
    assertEquals("plain", OptionValues.text("--policy", "plain"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptionValues.text("--policy", "file://" + folder.resolve("missing")));
    assertTrue(e.getMessage().startsWith("--policy: cannot read"), e.getMessage());
  }

  @Test
  void tagsAreKeyValuePairs() {
    assertEquals("team", OptionValues.tag("--tags", "Key=team,Value=a,b").getKey());
    assertEquals("a,b", OptionValues.tag("--tags", "Key=team,Value=a,b").getValue());
    assertEquals("", OptionValues.tag("--tags", "Key=k,Value=").getValue());
    assertThrows(IllegalArgumentException.class, () -> OptionValues.tag("--tags", "team=a"));
    assertThrows(IllegalArgumentException.class, () -> OptionValues.tag("--tags", "Key=,Value=a"));
  }

  @Test
  void policyArnsAcceptTheShorthandAndTheBareArn() {
    String arn = "arn:aws:iam::123456789012:policy/P";
    assertEquals(arn, OptionValues.policyArn("--policy-arns", "arn=" + arn).getArn());
    assertEquals(arn, OptionValues.policyArn("--policy-arns", arn).getArn());
    assertThrows(IllegalArgumentException.class, () -> OptionValues.policyArn("--policy-arns", "P"));
  }

  @Test
  void enumsTakeAwsNamesAndListThemOnError() {
    assertEquals(AccessKeyStatus.ACCESS_KEY_STATUS_INACTIVE.getValueDescriptor(),
        OptionValues.enumValue("--status", AccessKeyStatus.getDescriptor(), "inactive"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptionValues.enumValue("--status", AccessKeyStatus.getDescriptor(), "Unspecified"));
    assertEquals("--status: must be one of Active, Inactive, got 'Unspecified'", e.getMessage());
  }

  @Test
  void timesAndKeyValues() {
    assertEquals(1_767_225_600L, OptionValues.timestamp("--t", "2026-01-01T00:00:00Z").getSeconds());
    assertEquals(1_767_225_600L, OptionValues.timestamp("--t", "2026-01-01T01:00:00+01:00").getSeconds());
    assertThrows(IllegalArgumentException.class, () -> OptionValues.timestamp("--t", "yesterday"));
    String[] kv = OptionValues.keyValue("--context", "aws:SourceIp=10.0.0.1=x");
    assertEquals("aws:SourceIp", kv[0]);
    assertEquals("10.0.0.1=x", kv[1]);
    assertFalse(assertThrows(IllegalArgumentException.class, () -> OptionValues.keyValue("--context", "=v"))
        .getMessage().isEmpty());
  }
}
