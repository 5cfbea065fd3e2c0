package dev.lanyard.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import dev.lanyard.proto.iam.v1.GetRoleResponse;
import dev.lanyard.proto.iam.v1.ListUsersResponse;
import dev.lanyard.proto.iam.v1.Role;
import dev.lanyard.proto.iam.v1.User;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.AssumedRoleUser;
import dev.lanyard.proto.sts.v1.Credentials;
import org.junit.jupiter.api.Test;

class ProtoJsonTest {

  @Test
  void assumeRoleHasTheAwsCliShape() {
    AssumeRoleResponse response = AssumeRoleResponse.newBuilder()
        .setCredentials(Credentials.newBuilder().setAccessKeyId("ASIAEXAMPLE").setSecretAccessKey("s")
            .setSessionToken("t").setExpiration(Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(5)))
        .setAssumedRoleUser(AssumedRoleUser.newBuilder().setArn("arn:aws:sts::1:assumed-role/r/s")
            .setAssumedRoleId("AROA1:s"))
        .build();
    JsonNode json = ProtoJson.toJson(response);
    assertEquals("ASIAEXAMPLE", json.get("Credentials").get("AccessKeyId").asText());
    assertEquals("2027-01-15T08:00:00Z", json.get("Credentials").get("Expiration").asText());
    assertEquals("AROA1:s", json.get("AssumedRoleUser").get("AssumedRoleId").asText());
    assertFalse(json.has("PackedPolicySize"), "unset optional fields are omitted");
    assertFalse(json.has("SourceIdentity"), "empty text is omitted");
  }

  @Test
  void topLevelListsStayWhenEmptyAndNestedEmptyListsGo() {
    JsonNode empty = ProtoJson.toJson(ListUsersResponse.getDefaultInstance());
    assertTrue(empty.get("Users").isArray());
    assertFalse(empty.get("IsTruncated").asBoolean());
    JsonNode one = ProtoJson.toJson(ListUsersResponse.newBuilder().addUsers(User.newBuilder().setUserName("a")).build());
    assertFalse(one.get("Users").get(0).has("Tags"));
  }

  @Test
  void policyDocumentsArePrintedAsObjects() {
    JsonNode json = ProtoJson.toJson(GetRoleResponse.newBuilder().setRole(Role.newBuilder()
        .setAssumeRolePolicyDocument("{\"Version\":\"2012-10-17\"}").setDescription("{\"not\":\"a document\"}"))
        .build());
    assertEquals("2012-10-17", json.get("Role").get("AssumeRolePolicyDocument").get("Version").asText());
    assertTrue(json.get("Role").get("Description").isTextual());
  }
}
