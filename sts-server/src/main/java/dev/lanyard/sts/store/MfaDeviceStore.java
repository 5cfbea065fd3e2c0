package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.CreatedMfaDevice;
import dev.lanyard.sts.store.model.VirtualMfaDevice;

import java.util.List;
import java.util.Optional;

/** Virtual (TOTP) MFA devices; seeds sealed at rest. Serial numbers are the devices' ARNs. */
public interface MfaDeviceStore {
    /** CreateVirtualMFADevice: a new device with a fresh 160-bit seed, returned this once. */
    CreatedMfaDevice create(String accountId, String deviceName, String path);

    Optional<VirtualMfaDevice> get(String serialNumber);

    /** The device's unsealed seed, for verifying codes. */
    Optional<Secret> seed(String serialNumber);

    Page<VirtualMfaDevice> list(String accountId, PageRequest page);

    List<VirtualMfaDevice> listForUser(String accountId, String userName);

    /** Enables the device for the user (codes are checked by the caller); {@code EntityAlreadyExists} if enabled. */
    VirtualMfaDevice enable(String accountId, String userName, String serialNumber);

    /** Disassociates the device from the user. */
    VirtualMfaDevice deactivate(String accountId, String userName, String serialNumber);

    /** Deletes a device that is not enabled ({@code DeleteConflict} otherwise). */
    void delete(String serialNumber);
}
