package dev.lanyard.sts.store;

/** The AWS IAM limits (default quotas) the store enforces, each reported as {@code LimitExceeded}. */
public final class IamLimits {
    /** Versions per managed policy. */
    public static final int POLICY_VERSIONS = 5;
    /** Access keys per user. */
    public static final int ACCESS_KEYS_PER_USER = 2;
    /** Managed policies attached to one user, group or role (AWS default quota; raisable to 20 there). */
    public static final int ATTACHED_POLICIES = 10;
    /** Tags per taggable entity. */
    public static final int TAGS = 50;
    /** Groups a user can belong to. */
    public static final int GROUPS_PER_USER = 10;
    /** Client ids (audiences) per OIDC provider. */
    public static final int OIDC_CLIENT_IDS = 100;
    /** Thumbprints per OIDC provider. */
    public static final int OIDC_THUMBPRINTS = 5;
    /** Roles per instance profile. */
    public static final int ROLES_PER_INSTANCE_PROFILE = 1;
    /** MFA devices per user. */
    public static final int MFA_DEVICES_PER_USER = 8;
    /** Role maximum session duration bounds, in seconds. */
    public static final int MIN_SESSION_DURATION = 3600;
    /** Role maximum session duration bounds, in seconds. */
    public static final int MAX_SESSION_DURATION = 43200;
    /** Managed policy document size, in characters not counting white space. */
    public static final int MANAGED_POLICY_SIZE = 6144;
    /** Role trust policy size, in characters not counting white space. */
    public static final int TRUST_POLICY_SIZE = 2048;
    /** Aggregate inline policy size for a user, in characters not counting white space. */
    public static final int USER_INLINE_POLICY_SIZE = 2048;
    /** Aggregate inline policy size for a group, in characters not counting white space. */
    public static final int GROUP_INLINE_POLICY_SIZE = 5120;
    /** Aggregate inline policy size for a role, in characters not counting white space. */
    public static final int ROLE_INLINE_POLICY_SIZE = 10240;

    private IamLimits() {
    }

    /** The size AWS counts for policy quotas: characters other than white space. */
    public static int policySize(String document) {
        int size = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!Character.isWhitespace(document.charAt(i))) {
                size++;
            }
        }
        return size;
    }
}
