package dev.lanyard.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.iam.v1.AccessKeyStatus;
import dev.lanyard.proto.iam.v1.InstanceStatus;
import org.junit.jupiter.api.Test;

class AwsNamesTest {

  @Test
  void fieldNamesAreSpelledAsAws() {
    assertEquals("AccessKeyId", AwsNames.field("access_key_id"));
    assertEquals("VirtualMFADevice", AwsNames.field("virtual_mfa_device"));
    assertEquals("MFADevices", AwsNames.field("mfa_devices"));
    assertEquals("SAMLProviderArn", AwsNames.field("saml_provider_arn"));
    assertEquals("OpenIDConnectProviderArn", AwsNames.field("open_id_connect_provider_arn"));
    assertEquals("ClientIDList", AwsNames.field("client_id_list"));
    assertEquals("AuthenticationCode1", AwsNames.field("authentication_code1"));
    assertEquals("Arn", AwsNames.field("arn"));
  }

  @Test
  void optionNamesAreKebabCase() {
    assertEquals("--role-session-name", AwsNames.option("role_session_name"));
    assertEquals("--open-id-connect-provider-arn", AwsNames.option("open_id_connect_provider_arn"));
  }

  @Test
  void enumValuesDropTheirTypePrefix() {
    assertEquals("Active", AwsNames.enumValue(AccessKeyStatus.ACCESS_KEY_STATUS_ACTIVE.getValueDescriptor()));
    assertEquals("Revoked", AwsNames.enumValue(InstanceStatus.INSTANCE_STATUS_REVOKED.getValueDescriptor()));
    assertEquals("ExplicitDeny", AwsNames.enumValue(Decision.EXPLICIT_DENY.getValueDescriptor()));
    assertEquals("ACCESS_KEY_STATUS", AwsNames.upperSnake("AccessKeyStatus"));
    assertEquals("MFA_DEVICE", AwsNames.upperSnake("MFADevice"));
  }
}
