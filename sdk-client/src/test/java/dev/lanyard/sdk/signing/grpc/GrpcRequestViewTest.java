package dev.lanyard.sdk.signing.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.signing.Canonicalization;
import dev.lanyard.sdk.signing.SignableRequest;
import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcRequestViewTest {
  private static final byte[] MESSAGE = "\n\u0004role".getBytes(StandardCharsets.UTF_8);

  @Test
  void theClientViewIsPostToTheMethodPathWithHostAndPayload() {
    SignableRequest view = GrpcRequestView.toSign("lanyard.sts.v1.SecurityTokenService/AssumeRole", "sts:7400", MESSAGE);
    assertEquals("POST", view.method());
    assertEquals("/lanyard.sts.v1.SecurityTokenService/AssumeRole", view.path());
    assertEquals(List.of("host"), view.headerNames());
    assertEquals(List.of("sts:7400"), view.headerValues("host"));
    assertTrue(view.queryParameters().isEmpty());
    assertEquals(Canonicalization.sha256Hex(MESSAGE), view.payloadSha256());
  }

  @Test
  void theServerViewTakesHostFromTheAuthorityAndEveryAsciiEntry() {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("host", Metadata.ASCII_STRING_MARSHALLER), "spoofed.example.com");
    headers.put(GrpcRequestView.AMZ_DATE, "20260402T093000Z");
    headers.put(Metadata.Key.of("x-multi", Metadata.ASCII_STRING_MARSHALLER), "a");
    headers.put(Metadata.Key.of("x-multi", Metadata.ASCII_STRING_MARSHALLER), "b");
    headers.put(Metadata.Key.of("trace-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2});
    SignableRequest view = GrpcRequestView.received("pkg.Service/Method", "sts:7400", headers, MESSAGE);
    assertEquals(List.of("sts:7400"), view.headerValues("host"));
    assertEquals(List.of("20260402T093000Z"), view.headerValues("x-amz-date"));
    assertEquals(List.of("a", "b"), view.headerValues("x-multi"));
    assertTrue(view.headerValues("trace-bin").isEmpty());
    assertEquals(Canonicalization.sha256Hex(MESSAGE), view.payloadSha256());
  }

  @Test
  void requiresAnAuthority() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrpcRequestView.received("pkg.Service/Method", null, new Metadata(), MESSAGE));
    assertTrue(e.getMessage().startsWith("authority:"), e.getMessage());
  }
}
