package dev.lanyard.sts.store.model;

import java.util.Objects;

/** The user, group or role that holds an inline policy or a policy attachment, by account and name. */
public record PolicyOwner(PolicyOwnerKind kind, String accountId, String name) {
    public PolicyOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
    }

    /** The user {@code name} in {@code accountId}. */
    public static PolicyOwner user(String accountId, String name) {
        return new PolicyOwner(PolicyOwnerKind.USER, accountId, name);
    }

    /** The group {@code name} in {@code accountId}. */
    public static PolicyOwner group(String accountId, String name) {
        return new PolicyOwner(PolicyOwnerKind.GROUP, accountId, name);
    }

    /** The role {@code name} in {@code accountId}. */
    public static PolicyOwner role(String accountId, String name) {
        return new PolicyOwner(PolicyOwnerKind.ROLE, accountId, name);
    }
}
