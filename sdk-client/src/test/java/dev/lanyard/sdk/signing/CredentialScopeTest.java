package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {

  @Test
  void takesTheUtcDateOfTheRequest() {
    CredentialScope scope = CredentialScope.of(Instant.parse("2015-08-30T23:59:59Z"), "us-east-1", "sts");
    assertEquals("20150830/us-east-1/sts/aws4_request", scope.toString());
    assertEquals(scope, CredentialScope.parse("20150830/us-east-1/sts/aws4_request"));
  }

  @Test
  void refusesRegionsThatCannotBeScoped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CredentialScope(LocalDate.of(2015, 8, 30), "us east", "sts"));
    assertTrue(e.getMessage().startsWith("region:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CredentialScope(LocalDate.of(2015, 8, 30), "a/b", "sts"));
  }

  @Test
  void parseNamesTheFaultyElement() {
    assertTrue(refused("20150830/us-east-1/sts").contains("must have 4 elements"));
    assertTrue(refused("20150830/us-east-1/sts/aws4").contains("must end with 'aws4_request'"));
    assertTrue(refused("2015-8-30/us-east-1/sts/aws4_request").contains("date '2015-8-30'"));
    assertTrue(refused("20150830/us-east-1//aws4_request").contains("region and service"));
    assertTrue(refused("20150230/us-east-1/sts/aws4_request").contains("date '20150230'"));
    assertTrue(refused("2015083O/us-east-1/sts/aws4_request").contains("date '2015083O'"));
    assertTrue(refused("201508301/us-east-1/sts/aws4_request").contains("date '201508301'"));
  }

  @Test
  void writesAndReadsTheDateStamp() {
    CredentialScope scope = CredentialScope.parse("20160229/eu-west-1/iam/aws4_request");
    assertEquals(LocalDate.of(2016, 2, 29), scope.date());
    assertEquals("20160229", scope.dateStamp());
    assertEquals("00010101", new CredentialScope(LocalDate.of(1, 1, 1), "r", "s").dateStamp());
    assertEquals("20160229/eu-west-1/iam/aws4_request", scope.toString());
  }

  private static String refused(String scope) {
    InvalidSignatureException e = assertThrows(InvalidSignatureException.class, () -> CredentialScope.parse(scope));
    assertEquals("IncompleteSignature", e.awsErrorCode());
    return e.getMessage();
  }
}
