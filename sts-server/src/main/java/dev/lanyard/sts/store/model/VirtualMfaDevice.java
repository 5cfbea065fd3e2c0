package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual (TOTP) MFA device. The seed is stored sealed and read only through the store's explicit
 * seed method. {@code userName}/{@code userId} and {@code enableDate} are {@code null} while it is not enabled.
 */
public record VirtualMfaDevice(String accountId, String serialNumber, String name, String path, String userName,
                               String userId, Instant enableDate, Instant createDate) implements IamEntity {
    public VirtualMfaDevice {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** The serial number is the device's ARN. */
    @Override
    public String arn() {
        return serialNumber;
    }

    /** True when enabled for a user. */
    public boolean enabled() {
        return userName != null;
    }
}
