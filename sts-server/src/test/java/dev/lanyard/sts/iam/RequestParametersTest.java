package dev.lanyard.sts.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.EnableMFADeviceRequest;
import dev.lanyard.proto.iam.v1.PutUserPolicyRequest;
import dev.lanyard.proto.iam.v1.UpdateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.AccessKeyStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParametersTest {
  @Test
  void setFieldsByProtoNameWithNestedMessagesAndEnums() {
    Map<String, Object> p = RequestParameters.of(CreateUserRequest.newBuilder().setUserName("alice")
        .addTags(Tag.newBuilder().setKey("k").setValue("v")).build());
    assertEquals(Map.of("user_name", "alice", "tags", List.of(Map.of("key", "k", "value", "v"))), p);
    assertEquals("ACCESS_KEY_STATUS_INACTIVE", RequestParameters.of(UpdateAccessKeyRequest.newBuilder()
        .setStatus(AccessKeyStatus.ACCESS_KEY_STATUS_INACTIVE).build()).get("status"));
  }

  @Test
  void mfaCodesAreNeverCopied() {
    Map<String, Object> p = RequestParameters.of(EnableMFADeviceRequest.newBuilder().setUserName("u")
        .setSerialNumber("arn:aws:iam::123456789012:mfa/d").setAuthenticationCode1("123456")
        .setAuthenticationCode2("654321").build());
    assertEquals(Map.of("user_name", "u", "serial_number", "arn:aws:iam::123456789012:mfa/d"), p);
    assertFalse(p.toString().contains("123456\""));
  }

  @Test
  void longTextIsSummarisedByItsLength() {
    String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" + " ".repeat(300);
    assertEquals("(" + doc.length() + " characters)", RequestParameters.of(PutUserPolicyRequest.newBuilder()
        .setPolicyDocument(doc).build()).get("policy_document"));
  }
}
