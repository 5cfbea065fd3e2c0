package dev.lanyard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.client.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  private static LoadOptions parse(String... args) {
    return LoadOptions.parse(args);
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(args)).getMessage();
  }

  @Test
  void defaultsToClosedLoopAssumeRoleOnTheDefaultPort() {
    LoadOptions o = parse("--credentials", "c.json", "--setup");
    assertEquals(Scenario.ASSUME_ROLE, o.scenario());
    assertEquals(List.of(new Endpoint("127.0.0.1", 7400)), o.targets());
    assertFalse(o.openLoop());
    assertEquals(16, o.concurrency());
    assertEquals(Duration.ofSeconds(10), o.warmup());
    assertEquals(Duration.ofSeconds(30), o.duration());
    assertEquals(100, o.batchSize());
    assertEquals(Path.of("c.json"), o.credentials());
    assertTrue(o.setup());
    assertNull(o.json());
  }

  @Test
  void theRateClimbsOverHalfTheWarmUpUnlessARampIsGiven() {
    String[] open = {"--scenario", "authorize", "--rate", "1000", "--credentials", "c.json", "--setup", "--warmup", "60s"};
    assertEquals(Duration.ofSeconds(30), parse(open).ramp(), "by default the second half of the warm-up is at full rate");
    String[] withRamp = java.util.Arrays.copyOf(open, open.length + 2);
    withRamp[open.length] = "--ramp";
    withRamp[open.length + 1] = "60s";
    assertEquals(Duration.ofSeconds(60), parse(withRamp).ramp());
    withRamp[open.length + 1] = "0";
    assertEquals(Duration.ZERO, parse(withRamp).ramp());
    withRamp[open.length + 1] = "61s";
    assertTrue(error(withRamp).contains("longer than the warm-up"), error(withRamp));
    String closed = error("--scenario", "authorize", "--concurrency", "8", "--credentials", "c.json", "--setup",
        "--ramp", "5s");
    assertTrue(closed.contains("only with --rate"), closed);
  }

  @Test
  void parsesAnOpenLoopRunAgainstSeveralTargets() {
    LoadOptions o = parse("--scenario=authorize-batch", "--targets", "127.0.0.1:7410,localhost:7420,[::1]:7430",
        "--rate", "2500/s", "--warmup", "0", "--duration", "2m", "--batch-size", "50", "--credentials", "c.json",
        "--role-arn", "arn:aws:iam::111122223333:role/R", "--json", "out/r.json", "--markdown", "r.md",
        "--connections", "2", "--max-in-flight", "500");
    assertEquals(Scenario.AUTHORIZE_BATCH, o.scenario());
    assertEquals(3, o.targets().size());
    assertEquals("::1", o.targets().get(2).host());
    assertTrue(o.openLoop());
    assertEquals(2500.0, o.rate());
    assertNull(o.concurrency());
    assertEquals(Duration.ZERO, o.warmup());
    assertEquals(Duration.ofMinutes(2), o.duration());
    assertEquals(50, o.batchSize());
    assertEquals("arn:aws:iam::111122223333:role/R", o.roleArn());
    assertEquals(Path.of("out/r.json"), o.json());
    assertEquals(2, o.connections());
    assertEquals(500, o.maxInFlight());
    assertEquals("open loop, 2500/s", o.modeDescription());
  }

  @Test
  void callerIdentityNeedsNoRole() {
    assertEquals(Scenario.GET_CALLER_IDENTITY,
        parse("--scenario", "caller-identity", "--credentials", "c.json").scenario());
  }

  @Test
  void refusesNonLoopbackTargets() {
    assertTrue(error("--setup", "--credentials", "c", "--targets", "10.0.0.5:7400").contains("not a loopback"));
    assertTrue(error("--setup", "--credentials", "c", "--targets", "127.0.0.1:7400,example.com:7400")
        .contains("example.com:7400"));
    assertTrue(error("--setup", "--credentials", "c", "--targets", "127.0.0.300:7400").contains("loopback"));
    assertTrue(error("--setup", "--credentials", "c", "--targets", "127.0.0.1").contains("--targets"));
  }

  @Test
  void refusesContradictoryOrMissingOptions() {
    assertTrue(error("--setup", "--credentials", "c", "--rate", "10", "--concurrency", "2").contains("not both"));
    assertTrue(error("--setup").contains("--credentials: required"));
    assertTrue(error("--credentials", "c").contains("--role-arn"));
    assertTrue(error("--credentials", "c", "--setup", "--role-arn", "arn:aws:iam::1:role/x").contains("not with"));
    assertTrue(error("--credentials", "c", "--setup", "--bogus").contains("'--bogus' is not an option"));
    assertTrue(error("--credentials", "c", "--setup", "--rate").contains("a value is required"));
    assertTrue(error("--credentials", "c", "--credentials", "d", "--setup").contains("given twice"));
  }

  @Test
  void refusesValuesOutOfRange() {
    assertTrue(error("--setup", "--credentials", "c", "--batch-size", "101").contains("1 to 100"));
    assertTrue(error("--setup", "--credentials", "c", "--rate", "0").contains("more than 0"));
    assertTrue(error("--setup", "--credentials", "c", "--rate", "fast").contains("not a rate"));
    assertTrue(error("--setup", "--credentials", "c", "--concurrency", "0").contains("1 to 10000"));
    assertTrue(error("--setup", "--credentials", "c", "--duration", "0s").contains("more than 0"));
    assertTrue(error("--setup", "--credentials", "c", "--duration", "2h").contains("up to 1h"));
    assertTrue(error("--setup", "--credentials", "c", "--warmup", "soon").contains("not a duration"));
    assertTrue(error("--setup", "--credentials", "c", "--scenario", "fly").contains("assume-role, caller-identity"));
    assertTrue(error("--setup", "--credentials", "c", "--scenario", "fly").contains("authorize-batch, web-identity"));
  }

  @Test
  void webIdentityHostsItsIdpOnTheDefaultPortAndFolder() {
    LoadOptions o = parse("--scenario", "web-identity", "--setup", "--credentials", "c.json");
    assertEquals(Scenario.WEB_IDENTITY, o.scenario());
    assertFalse(o.scenario().signed());
    assertEquals(Path.of("lanyard-load-idp"), o.idpDir());
    assertEquals(7450, o.idpPort());

    o = parse("--scenario", "web-identity", "--setup", "--credentials", "c.json", "--idp-dir", "/tmp/idp",
        "--idp-port=0");
    assertEquals(Path.of("/tmp/idp"), o.idpDir());
    assertEquals(0, o.idpPort());
  }

  @Test
  void webIdentityWithoutSetupNeedsARoleButNoCredentials() {
    LoadOptions o = parse("--scenario", "web-identity", "--role-arn", "arn:aws:iam::111122223333:role/W");
    assertNull(o.credentials());
    assertEquals("arn:aws:iam::111122223333:role/W", o.roleArn());
    assertTrue(error("--scenario", "web-identity").contains("--role-arn: web-identity assumes a role"));
    assertTrue(error("--scenario", "web-identity", "--setup").contains("--credentials: required with --setup"));
    assertTrue(error("--scenario", "authorize", "--role-arn", "arn:aws:iam::1:role/x")
        .contains("--credentials: required;"));
  }

  @Test
  void idpOptionsBelongToWebIdentityOnly() {
    assertTrue(error("--setup", "--credentials", "c", "--idp-port", "7450")
        .contains("--idp-port: only with --scenario web-identity"));
    assertTrue(error("--setup", "--credentials", "c", "--scenario", "authorize", "--idp-dir", "d")
        .contains("--idp-dir: only with --scenario web-identity"));
    assertTrue(error("--scenario", "web-identity", "--setup", "--credentials", "c", "--idp-port", "65536")
        .contains("--idp-port: 65536 is out of range; give 0 to 65535"));
    assertTrue(error("--scenario", "web-identity", "--setup", "--credentials", "c", "--idp-port", "https")
        .contains("not a whole number"));
  }

  @Test
  void initIdpStandsAlone() {
    assertEquals(Path.of("/tmp/idp"), LoadOptions.initIdp(new String[] {"--init-idp", "/tmp/idp"}));
    assertEquals(Path.of("idp"), LoadOptions.initIdp(new String[] {"--init-idp=idp"}));
    assertNull(LoadOptions.initIdp(new String[] {"--setup", "--credentials", "c"}));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.initIdp(new String[] {"--init-idp"}))
        .getMessage().contains("a folder is required"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.initIdp(new String[] {"--init-idp", "--setup"})).getMessage().contains("a folder is required"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.initIdp(new String[] {"--init-idp", "idp", "--scenario", "web-identity"}))
        .getMessage().contains("give it alone"));
    assertTrue(error("--init-idp", "idp", "--setup").contains("'--init-idp' is not an option"),
        "parse() is for runs; LoadGenerator asks initIdp() first");
  }

  @Test
  void durationsAcceptSecondsMillisecondsAndMinutes() {
    assertEquals(Duration.ofSeconds(45), LoadOptions.duration("--duration", "45", false));
    assertEquals(Duration.ofMillis(1500), LoadOptions.duration("--duration", "1500ms", false));
    assertEquals(Duration.ofMinutes(3), LoadOptions.duration("--duration", "3m", false));
  }

  @Test
  void helpIsRecognisedAnywhere() {
    assertTrue(LoadOptions.wantsHelp(new String[] {"--rate", "5", "--help"}));
    assertFalse(LoadOptions.wantsHelp(new String[] {"--rate", "5"}));
    assertTrue(LoadOptions.USAGE.contains("--concurrency N"));
    assertTrue(LoadOptions.USAGE.contains("--idp-port N"));
    assertTrue(LoadOptions.USAGE.contains("--init-idp DIR"));
    assertTrue(LoadOptions.USAGE.contains("web-identity"));
  }
}
