package dev.lanyard.sts.store.model;

import java.util.Objects;

/** A managed policy attached to a user, group or role (customer managed or AWS managed, by ARN). */
public record AttachedPolicy(String policyArn, String policyName) {
    public AttachedPolicy {
        Objects.requireNonNull(policyArn, "policyArn");
        Objects.requireNonNull(policyName, "policyName");
    }
}
