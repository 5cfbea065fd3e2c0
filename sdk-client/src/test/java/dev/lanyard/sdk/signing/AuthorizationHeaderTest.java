package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {
  private static final String SIGNATURE =
      "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  private static final String VALUE =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
          + "SignedHeaders=content-type;host;x-amz-date, Signature=" + SIGNATURE;

  @Test
  void parsesTheParts() {
    AuthorizationHeader header = AuthorizationHeader.parse(VALUE);
    assertEquals("AKIDEXAMPLE", header.accessKeyId());
    assertEquals(new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-1", "iam"), header.scope());
    assertEquals(List.of("content-type", "host", "x-amz-date"), header.signedHeaders());
    assertEquals(SIGNATURE, header.signature());
    assertEquals(VALUE, header.format());
  }

  @Test
  void acceptsCommasWithoutSpacesAndAnyParameterOrder() {
    AuthorizationHeader header =
        AuthorizationHeader.parse(
            "AWS4-HMAC-SHA256 Signature=" + SIGNATURE
                + ",SignedHeaders=host;x-amz-date,Credential=AKID/20150830/eu-west-1/sts/aws4_request");
    assertEquals("AKID", header.accessKeyId());
    assertEquals("sts", header.scope().service());
    assertEquals(List.of("host", "x-amz-date"), header.signedHeaders());
  }

  @Test
  void namesEveryMissingParameter() {
    InvalidSignatureException e = refused("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/sts/aws4_request");
    assertEquals("Authorization header requires 'SignedHeaders' parameter. "
        + "Authorization header requires 'Signature' parameter.", e.getMessage());
  }

  @Test
  void refusesOtherAlgorithms() {
    InvalidSignatureException e = refused(VALUE.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"));
    assertTrue(e.getMessage().contains("unsupported algorithm 'AWS4-HMAC-SHA512'"), e.getMessage());
    assertTrue(e.getMessage().contains("only AWS4-HMAC-SHA256"), e.getMessage());
  }

  @Test
  void refusesRepeatedAndUnknownParameters() {
    assertTrue(refused(VALUE + ", Signature=" + SIGNATURE).getMessage().contains("more than once"));
    assertTrue(refused(VALUE + ", Foo=bar").getMessage().contains("'Foo=bar' is not one of"));
    assertTrue(refused(VALUE + ",").getMessage().contains("'' is not one of"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Credential=AKIDEXAMPLE",
        "Credential=/20150830/us-east-1/iam/aws4_request",
        "Credential=AKID/2015083/us-east-1/iam/aws4_request",
        "Credential=AKID/20151330/us-east-1/iam/aws4_request",
        "Credential=AKID/20150830/us-east-1/iam/aws5_request",
        "Credential=AKID/20150830/us-east-1/aws4_request",
        "Credential=AKID/20150830//iam/aws4_request",
        "SignedHeaders=x-amz-date;host",
        "SignedHeaders=Host;x-amz-date",
        "SignedHeaders=host;host;x-amz-date",
        "SignedHeaders=host;;x-amz-date",
        "SignedHeaders=",
        "Signature=5D672D79C15B13162D9279B0855CFBA6789A8EDB4C82C400E06B5924A6F2B5D7",
        "Signature=5d672d79",
      })
  void refusesMalformedParameters(String replacement) {
    String name = replacement.substring(0, replacement.indexOf('='));
    String value =
        VALUE.replaceFirst(name + "=[^,]*", java.util.regex.Matcher.quoteReplacement(replacement));
    InvalidSignatureException e = refused(value);
    assertEquals("IncompleteSignature", e.awsErrorCode());
  }

  @Test
  void refusesAnEmptyHeader() {
    assertEquals("IncompleteSignature", refused("  ").awsErrorCode());
    assertEquals("IncompleteSignature", refused(null).awsErrorCode());
  }

  @Test
  void showsOnlyABoundedPartOfWhatItWasSent() {
    String huge = "X".repeat(10_000);
    InvalidSignatureException e = refused(huge + " Credential=" + huge);
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }

  private static InvalidSignatureException refused(String value) {
    InvalidSignatureException e =
        assertThrows(InvalidSignatureException.class, () -> AuthorizationHeader.parse(value));
    assertEquals(InvalidSignatureException.Reason.INCOMPLETE_SIGNATURE, e.reason());
    return e;
  }
}
