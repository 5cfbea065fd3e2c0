package dev.lanyard.sts.store.model;

/** An IAM entity addressable by ARN within an account. */
public sealed interface IamEntity
        permits User, Group, Role, ManagedPolicy, InstanceProfile, OidcProvider, SamlProvider, VirtualMfaDevice {
    /** The owning account's 12-digit id. */
    String accountId();

    /** The entity's ARN. */
    String arn();
}
