package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignableRequestTest {

  @Test
  void headerNamesCompareCaseInsensitively() {
    SignableRequest request = SignableRequest.builder("GET", "/")
        .header("X-Amz-Date", "1").header("x-amz-date", "2").header("Host", "h").build();
    assertEquals(List.of("1", "2"), request.headerValues("X-AMZ-DATE"));
    assertEquals(List.of("x-amz-date", "host"), request.headerNames());
    SignableRequest replaced = request.withHeader("X-AMZ-DATE", "3");
    assertEquals(List.of("3"), replaced.headerValues("x-amz-date"));
    assertTrue(request.withoutHeader("x-amz-DATE").headerValues("x-amz-date").isEmpty());
  }

  @Test
  void toStringShowsNoHeaderValues() {
    SignableRequest request = SignableRequest.builder("POST", "/p")
        .header("x-amz-security-token", "secret-token").build();
    assertFalse(request.toString().contains("secret-token"));
    assertEquals("SignableRequest[POST /p, headers=[x-amz-security-token]]", request.toString());
  }

  @Test
  void validatesMethodAndPayloadHash() {
    IllegalArgumentException method =
        assertThrows(IllegalArgumentException.class, () -> SignableRequest.builder("PO ST", "/").build());
    assertTrue(method.getMessage().startsWith("method:"), method.getMessage());
    IllegalArgumentException hash = assertThrows(IllegalArgumentException.class,
        () -> SignableRequest.builder("POST", "/").payloadSha256("UNSIGNED-PAYLOAD").build());
    assertTrue(hash.getMessage().startsWith("payloadSha256: must be 64 lower-case hex"), hash.getMessage());
  }

  @Test
  void isImmutable() {
    SignableRequest request = SignableRequest.builder("GET", "/").header("host", "h").build();
    assertThrows(UnsupportedOperationException.class, () -> request.headers().put("x", List.of("y")));
    assertThrows(UnsupportedOperationException.class, () -> request.headers().get("host").add("z"));
  }
}
