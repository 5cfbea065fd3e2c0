package dev.lanyard.sts.store.model;

/** The IAM identities that own inline policies and managed-policy attachments. */
public enum PolicyOwnerKind {
    USER, GROUP, ROLE
}
