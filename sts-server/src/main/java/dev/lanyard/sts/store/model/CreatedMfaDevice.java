package dev.lanyard.sts.store.model;

import dev.lanyard.sts.crypto.Secret;

import java.util.Objects;

/** A newly created virtual MFA device with its seed, returned once for the QR code / base32 answer. */
public record CreatedMfaDevice(VirtualMfaDevice device, Secret seed) {
    public CreatedMfaDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(seed, "seed");
    }
}
