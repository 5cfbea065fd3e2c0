package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamServiceFixture.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.iam.v1.*;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.mfa.Base32;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.store.model.Account;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialOperationsTest {
  @TempDir
  static Path dir;
  static IamServiceFixture f;
  Account account;
  final Totp totp = Totp.standard();

  @BeforeAll
  static void start() throws Exception {
    f = new IamServiceFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void freshAccount() {
    f.clock.advance(Duration.ofMinutes(10));
    account = f.newAccountAsRoot();
  }

  @Test
  void accessKeysAtMostTwoAndTheSecretOnlyOnCreate() throws Exception {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    AccessKey k1 = f.iam.createAccessKey(CreateAccessKeyRequest.newBuilder().setUserName("u").build()).getAccessKey();
    AccessKey k2 = f.iam.createAccessKey(CreateAccessKeyRequest.newBuilder().setUserName("u").build()).getAccessKey();
    assertTrue(k1.getAccessKeyId().matches("AKIA[A-Z2-7]{16}"), k1.getAccessKeyId());
    assertEquals(40, k1.getSecretAccessKey().length());
    assertEquals(AccessKeyStatus.ACCESS_KEY_STATUS_ACTIVE, k1.getStatus());
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createAccessKey(CreateAccessKeyRequest.newBuilder()
        .setUserName("u").build())));

    ListAccessKeysResponse listed = f.iam.listAccessKeys(ListAccessKeysRequest.newBuilder().setUserName("u").build());
    assertEquals(2, listed.getAccessKeyMetadataCount());
    assertFalse(listed.toString().contains(k1.getSecretAccessKey()));
    assertFalse(listed.toString().contains(k2.getSecretAccessKey()));
    ListAccessKeysResponse page = f.iam.listAccessKeys(ListAccessKeysRequest.newBuilder().setUserName("u")
        .setMaxItems(1).build());
    assertTrue(page.getIsTruncated());

    f.iam.updateAccessKey(UpdateAccessKeyRequest.newBuilder().setUserName("u").setAccessKeyId(k1.getAccessKeyId())
        .setStatus(AccessKeyStatus.ACCESS_KEY_STATUS_INACTIVE).build());
    assertEquals(dev.lanyard.sts.store.model.AccessKeyStatus.INACTIVE,
        f.store.accessKeys().get(k1.getAccessKeyId()).orElseThrow().status());
    assertEquals("ValidationError", errorCode(() -> f.iam.updateAccessKey(UpdateAccessKeyRequest.newBuilder()
        .setUserName("u").setAccessKeyId(k1.getAccessKeyId()).build())));

    GetAccessKeyLastUsedResponse never = f.iam.getAccessKeyLastUsed(GetAccessKeyLastUsedRequest.newBuilder()
        .setAccessKeyId(k2.getAccessKeyId()).build());
    assertEquals("u", never.getUserName());
    assertEquals("N/A", never.getAccessKeyLastUsed().getServiceName());
    assertFalse(never.getAccessKeyLastUsed().hasLastUsedDate());
    f.store.accessKeys().recordUse(k2.getAccessKeyId(), f.clock.instant(), "sts", "us-east-1");
    assertEquals("sts", f.iam.getAccessKeyLastUsed(GetAccessKeyLastUsedRequest.newBuilder()
        .setAccessKeyId(k2.getAccessKeyId()).build()).getAccessKeyLastUsed().getServiceName());

    f.iam.deleteAccessKey(DeleteAccessKeyRequest.newBuilder().setUserName("u").setAccessKeyId(k1.getAccessKeyId()).build());
    assertEquals(List.of(k2.getAccessKeyId()), f.iam.listAccessKeys(ListAccessKeysRequest.newBuilder().setUserName("u")
        .build()).getAccessKeyMetadataList().stream().map(AccessKeyMetadata::getAccessKeyId).toList());
    assertEquals("ValidationError", errorCode(() -> f.iam.deleteAccessKey(DeleteAccessKeyRequest.newBuilder()
        .setUserName("u").setAccessKeyId("short").build())));

    String audit = f.auditText();
    assertTrue(audit.contains("CreateAccessKey"), "calls are audited");
    assertFalse(audit.contains(k1.getSecretAccessKey()), "no secret in the audit log");
    assertFalse(audit.contains(k2.getSecretAccessKey()), "no secret in the audit log");
  }

  @Test
  void aUserManagesItsOwnKeysWhenAllowed() {
    Caller self = f.user(account.id(), "self", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":[\"iam:CreateAccessKey\",\"iam:ListAccessKeys\",\"iam:DeleteAccessKey\"],"
        + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}");
    f.actAs(f.root(account.id()));
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("other").build());
    f.actAs(self);
    AccessKey mine = f.iam.createAccessKey(CreateAccessKeyRequest.getDefaultInstance()).getAccessKey();
    assertEquals("self", mine.getUserName());
    assertEquals(2, f.iam.listAccessKeys(ListAccessKeysRequest.getDefaultInstance()).getAccessKeyMetadataCount());
    assertEquals("AccessDenied", errorCode(() -> f.iam.createAccessKey(CreateAccessKeyRequest.newBuilder()
        .setUserName("other").build())));
    f.iam.deleteAccessKey(DeleteAccessKeyRequest.newBuilder().setAccessKeyId(mine.getAccessKeyId()).build());
  }

  @Test
  void theRootManagesItsOwnKeys() {
    AccessKey root = f.iam.createAccessKey(CreateAccessKeyRequest.getDefaultInstance()).getAccessKey();
    assertEquals("", root.getUserName());
    assertEquals(40, root.getSecretAccessKey().length());
    assertEquals(List.of(root.getAccessKeyId()), f.iam.listAccessKeys(ListAccessKeysRequest.getDefaultInstance())
        .getAccessKeyMetadataList().stream().map(AccessKeyMetadata::getAccessKeyId).toList());
    f.iam.updateAccessKey(UpdateAccessKeyRequest.newBuilder().setAccessKeyId(root.getAccessKeyId())
        .setStatus(AccessKeyStatus.ACCESS_KEY_STATUS_INACTIVE).build());
    assertEquals("", f.iam.getAccessKeyLastUsed(GetAccessKeyLastUsedRequest.newBuilder()
        .setAccessKeyId(root.getAccessKeyId()).build()).getUserName());
    f.iam.deleteAccessKey(DeleteAccessKeyRequest.newBuilder().setAccessKeyId(root.getAccessKeyId()).build());
    assertEquals(0, f.iam.listAccessKeys(ListAccessKeysRequest.getDefaultInstance()).getAccessKeyMetadataCount());
  }

  @Test
  void virtualMfaEnableNeedsTwoConsecutiveCodesOnce() throws Exception {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    VirtualMFADevice created = f.iam.createVirtualMFADevice(CreateVirtualMFADeviceRequest.newBuilder()
        .setVirtualMfaDeviceName("u-phone").build()).getVirtualMfaDevice();
    String serial = created.getSerialNumber();
    assertEquals("arn:aws:iam::" + account.id() + ":mfa/u-phone", serial);
    byte[] seed = Base32.decode(created.getBase32StringSeed());
    assertEquals(20, seed.length);
    assertTrue(created.getOtpauthUri().startsWith("otpauth://totp/Lanyard%3Au-phone%40" + account.id() + "?secret="
        + created.getBase32StringSeed()), created.getOtpauthUri());

    Instant now = f.clock.instant();
    long step = totp.step(now);
    assertEquals("InvalidInput", errorCode(() -> f.iam.enableMFADevice(enable(serial,
        totp.code(seed, step), totp.code(seed, step - 1)))));
    f.iam.enableMFADevice(enable(serial, totp.code(seed, step - 1), totp.code(seed, step)));
    assertEquals(List.of(serial), f.iam.listMFADevices(ListMFADevicesRequest.newBuilder().setUserName("u").build())
        .getMfaDevicesList().stream().map(MFADevice::getSerialNumber).toList());
    assertEquals("EntityAlreadyExists", errorCode(() -> f.iam.enableMFADevice(enable(serial,
        totp.code(seed, step), totp.code(seed, step + 1)))));

    // The codes just used cannot be used again, by resync or by an STS TokenCode check.
    MfaCodes codes = new MfaCodes(f.store, totp, f.clock);
    assertFalse(codes.acceptOnce(serial, totp.code(seed, step)));
    assertEquals("InvalidInput", errorCode(() -> f.iam.resyncMFADevice(ResyncMFADeviceRequest.newBuilder()
        .setUserName("u").setSerialNumber(serial).setAuthenticationCode1(totp.code(seed, step - 1))
        .setAuthenticationCode2(totp.code(seed, step)).build())));
    f.clock.advance(Duration.ofSeconds(30));
    f.iam.resyncMFADevice(ResyncMFADeviceRequest.newBuilder().setUserName("u").setSerialNumber(serial)
        .setAuthenticationCode1(totp.code(seed, step + 1)).setAuthenticationCode2(totp.code(seed, step + 2)).build());

    ListVirtualMFADevicesResponse assigned = f.iam.listVirtualMFADevices(ListVirtualMFADevicesRequest.newBuilder()
        .setAssignmentStatus(AssignmentStatus.ASSIGNMENT_STATUS_ASSIGNED).build());
    assertEquals("u", assigned.getVirtualMfaDevices(0).getUser().getUserName());
    assertTrue(assigned.getVirtualMfaDevices(0).getBase32StringSeed().isEmpty());
    assertEquals(0, f.iam.listVirtualMFADevices(ListVirtualMFADevicesRequest.newBuilder()
        .setAssignmentStatus(AssignmentStatus.ASSIGNMENT_STATUS_UNASSIGNED).build()).getVirtualMfaDevicesCount());

    assertEquals("DeleteConflict", errorCode(() -> f.iam.deleteVirtualMFADevice(DeleteVirtualMFADeviceRequest
        .newBuilder().setSerialNumber(serial).build())));
    f.iam.deactivateMFADevice(DeactivateMFADeviceRequest.newBuilder().setUserName("u").setSerialNumber(serial).build());
    assertEquals(1, f.iam.listVirtualMFADevices(ListVirtualMFADevicesRequest.newBuilder()
        .setAssignmentStatus(AssignmentStatus.ASSIGNMENT_STATUS_UNASSIGNED).build()).getVirtualMfaDevicesCount());
    f.iam.deleteVirtualMFADevice(DeleteVirtualMFADeviceRequest.newBuilder().setSerialNumber(serial).build());
    assertEquals(0, f.iam.listVirtualMFADevices(ListVirtualMFADevicesRequest.getDefaultInstance())
        .getVirtualMfaDevicesCount());

    String audit = f.auditText();
    assertTrue(audit.contains("EnableMFADevice"));
    assertFalse(audit.contains(created.getBase32StringSeed()), "no seed in the audit log");
    assertFalse(audit.contains("\"" + totp.code(seed, step) + "\""), "no MFA code in the audit log");
  }

  @Test
  void mfaValidation() {
    assertEquals("ValidationError", errorCode(() -> f.iam.createVirtualMFADevice(CreateVirtualMFADeviceRequest
        .newBuilder().setVirtualMfaDeviceName("x".repeat(227)).build())));
    assertEquals("InvalidInput", errorCode(() -> f.iam.createVirtualMFADevice(CreateVirtualMFADeviceRequest
        .newBuilder().setVirtualMfaDeviceName("tagged").addTags(dev.lanyard.proto.common.v1.Tag.newBuilder()
            .setKey("k").setValue("v")).build())));
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    assertEquals("ValidationError", errorCode(() -> f.iam.enableMFADevice(enable(
        "arn:aws:iam::" + account.id() + ":mfa/none", "12345", "123456"))));
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.enableMFADevice(enable(
        "arn:aws:iam::" + account.id() + ":mfa/none", "123456", "654321"))));
  }

  private static EnableMFADeviceRequest enable(String serial, String code1, String code2) {
    return EnableMFADeviceRequest.newBuilder().setUserName("u").setSerialNumber(serial)
        .setAuthenticationCode1(code1).setAuthenticationCode2(code2).build();
  }
}
