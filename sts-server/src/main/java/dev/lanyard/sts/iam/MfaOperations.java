package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.MFA_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.proto.iam.v1.AssignmentStatus;
import dev.lanyard.proto.iam.v1.CreateVirtualMFADeviceRequest;
import dev.lanyard.proto.iam.v1.CreateVirtualMFADeviceResponse;
import dev.lanyard.proto.iam.v1.DeactivateMFADeviceRequest;
import dev.lanyard.proto.iam.v1.DeactivateMFADeviceResponse;
import dev.lanyard.proto.iam.v1.DeleteVirtualMFADeviceRequest;
import dev.lanyard.proto.iam.v1.DeleteVirtualMFADeviceResponse;
import dev.lanyard.proto.iam.v1.EnableMFADeviceRequest;
import dev.lanyard.proto.iam.v1.EnableMFADeviceResponse;
import dev.lanyard.proto.iam.v1.ListMFADevicesRequest;
import dev.lanyard.proto.iam.v1.ListMFADevicesResponse;
import dev.lanyard.proto.iam.v1.ListVirtualMFADevicesRequest;
import dev.lanyard.proto.iam.v1.ListVirtualMFADevicesResponse;
import dev.lanyard.proto.iam.v1.ResyncMFADeviceRequest;
import dev.lanyard.proto.iam.v1.ResyncMFADeviceResponse;
import dev.lanyard.proto.iam.v1.VirtualMFADevice;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.mfa.Base32;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.CreatedMfaDevice;
import dev.lanyard.sts.store.model.User;
import dev.lanyard.sts.store.model.VirtualMfaDevice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual MFA devices (TOTP, RFC 6238). The seed leaves the server once, in the
 * CreateVirtualMFADevice answer (base32 and as an otpauth URI); enabling and resynchronising need
 * two consecutive codes, each accepted once.
 */
final class MfaOperations {
  /** The issuer authenticator apps show. */
  static final String ISSUER = "Lanyard";

  private final IamStore store;
  private final IamTargets targets;
  private final MfaCodes codes;
  private final StoreVersionTracker versions;

  MfaOperations(IamStore store, IamTargets targets, MfaCodes codes, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.codes = codes;
    this.versions = versions;
  }

  CreateVirtualMFADeviceResponse createVirtualMfaDevice(Caller caller, CreateVirtualMFADeviceRequest r) {
    String name = IamValidation.name("virtual_mfa_device_name", r.getVirtualMfaDeviceName(), MFA_NAME_MAX);
    String path = IamValidation.path("path", r.getPath());
    if (r.getTagsCount() > 0) {
      IamValidation.tags("tags", r.getTagsList());
      throw new LanyardException(AwsErrorCode.InvalidInput,
          "tags are not kept on virtual MFA devices by this server; accepted: no tags", false);
    }
    targets.access().require(caller, "CreateVirtualMFADevice", targets.arns().mfa(caller.accountId(), path, name));
    CreatedMfaDevice created = store.mfaDevices().create(caller.accountId(), name, path);
    versions.refresh();
    byte[] seed = created.seed().bytes();
    try {
      String base32 = Base32.encode(seed);
      return CreateVirtualMFADeviceResponse.newBuilder().setVirtualMfaDevice(VirtualMFADevice.newBuilder()
          .setSerialNumber(created.device().serialNumber()).setBase32StringSeed(base32)
          .setOtpauthUri(otpauthUri(name, caller.accountId(), base32))).build();
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  EnableMFADeviceResponse enableMfaDevice(Caller caller, EnableMFADeviceRequest r) {
    String user = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    String serial = IamValidation.serialNumber("serial_number", r.getSerialNumber());
    String code1 = IamValidation.mfaCode("authentication_code1", r.getAuthenticationCode1());
    String code2 = IamValidation.mfaCode("authentication_code2", r.getAuthenticationCode2());
    targets.user(caller, "EnableMFADevice", user);
    VirtualMfaDevice device = device(caller, serial);
    if (device.enabled()) {
      throw new LanyardException(AwsErrorCode.EntityAlreadyExists,
          "MFA device " + serial + " is already enabled for a user; deactivate it first", false);
    }
    requireConsecutive(serial, code1, code2);
    store.mfaDevices().enable(caller.accountId(), user, serial);
    versions.refresh();
    return EnableMFADeviceResponse.getDefaultInstance();
  }

  ResyncMFADeviceResponse resyncMfaDevice(Caller caller, ResyncMFADeviceRequest r) {
    String user = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    String serial = IamValidation.serialNumber("serial_number", r.getSerialNumber());
    String code1 = IamValidation.mfaCode("authentication_code1", r.getAuthenticationCode1());
    String code2 = IamValidation.mfaCode("authentication_code2", r.getAuthenticationCode2());
    targets.user(caller, "ResyncMFADevice", user);
    VirtualMfaDevice device = device(caller, serial);
    if (!device.enabled() || !device.userName().equalsIgnoreCase(user)) {
      throw new LanyardException(AwsErrorCode.NoSuchEntity,
          "MFA device " + serial + " is not enabled for user " + user + ".", false);
    }
    requireConsecutive(serial, code1, code2);
    return ResyncMFADeviceResponse.getDefaultInstance();
  }

  DeactivateMFADeviceResponse deactivateMfaDevice(Caller caller, DeactivateMFADeviceRequest r) {
    String user = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    String serial = IamValidation.serialNumber("serial_number", r.getSerialNumber());
    targets.user(caller, "DeactivateMFADevice", user);
    store.mfaDevices().deactivate(caller.accountId(), user, serial);
    versions.refresh();
    return DeactivateMFADeviceResponse.getDefaultInstance();
  }

  DeleteVirtualMFADeviceResponse deleteVirtualMfaDevice(Caller caller, DeleteVirtualMFADeviceRequest r) {
    String serial = IamValidation.serialNumber("serial_number", r.getSerialNumber());
    targets.access().require(caller, "DeleteVirtualMFADevice", serial);
    device(caller, serial);
    store.mfaDevices().delete(serial);
    versions.refresh();
    return DeleteVirtualMFADeviceResponse.getDefaultInstance();
  }

  ListMFADevicesResponse listMfaDevices(Caller caller, ListMFADevicesRequest r) {
    String user = targets.namedOrCallingUser(caller, "user_name", r.getUserName());
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.user(caller, "ListMFADevices", user);
    Page<VirtualMfaDevice> devices = ListPages.of(store.mfaDevices().listForUser(caller.accountId(), user),
        VirtualMfaDevice::serialNumber, page);
    var b = ListMFADevicesResponse.newBuilder().setIsTruncated(devices.truncated());
    devices.items().forEach(d -> b.addMfaDevices(IamProtoMapping.mfaDevice(d)));
    if (devices.truncated()) {
      b.setMarker(devices.nextMarker());
    }
    return b.build();
  }

  ListVirtualMFADevicesResponse listVirtualMfaDevices(Caller caller, ListVirtualMFADevicesRequest r) {
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.access().require(caller, "ListVirtualMFADevices", targets.arns().all(caller.accountId(), "mfa"));
    AssignmentStatus status = r.getAssignmentStatus();
    List<VirtualMfaDevice> all = ListPages.all(p -> store.mfaDevices().list(caller.accountId(), p)).stream()
        .filter(d -> switch (status) {
          case ASSIGNMENT_STATUS_ASSIGNED -> d.enabled();
          case ASSIGNMENT_STATUS_UNASSIGNED -> !d.enabled();
          default -> true;
        }).toList();
    Page<VirtualMfaDevice> devices = ListPages.of(all, VirtualMfaDevice::serialNumber, page);
    Map<String, User> users = new HashMap<>();
    var b = ListVirtualMFADevicesResponse.newBuilder().setIsTruncated(devices.truncated());
    for (VirtualMfaDevice d : devices.items()) {
      User user = d.enabled() ? users.computeIfAbsent(d.userName(),
          n -> store.users().get(caller.accountId(), n).orElse(null)) : null;
      b.addVirtualMfaDevices(IamProtoMapping.virtualDevice(d, user));
    }
    if (devices.truncated()) {
      b.setMarker(devices.nextMarker());
    }
    return b.build();
  }

  private VirtualMfaDevice device(Caller caller, String serial) {
    return store.mfaDevices().get(serial).filter(d -> d.accountId().equals(caller.accountId()))
        .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
            "The MFA device with serial number " + serial + " cannot be found.", false));
  }

  private void requireConsecutive(String serial, String code1, String code2) {
    if (!codes.acceptConsecutive(serial, code1, code2)) {
      throw new LanyardException(AwsErrorCode.InvalidInput, "authentication_code1 and authentication_code2 are not"
          + " two consecutive unused codes of device " + serial + "; accepted: the device's code for one"
          + " 30-second step and the code of the next step, entered within a minute", false);
    }
  }

  private static String otpauthUri(String deviceName, String account, String base32Seed) {
    String label = URLEncoder.encode(ISSUER + ":" + deviceName + "@" + account, StandardCharsets.UTF_8)
        .replace("+", "%20");
    return "otpauth://totp/" + label + "?secret=" + base32Seed + "&issuer=" + ISSUER
        + "&algorithm=SHA1&digits=6&period=30";
  }
}
