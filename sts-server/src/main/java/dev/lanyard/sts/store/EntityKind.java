package dev.lanyard.sts.store;

/** The kinds of stored entity a {@link Change} can name. */
public enum EntityKind {
    ACCOUNT, USER, GROUP, ROLE, MANAGED_POLICY, ACCESS_KEY, MFA_DEVICE, INSTANCE_PROFILE, OIDC_PROVIDER,
    SAML_PROVIDER, JOIN_TOKEN, HOST_INSTANCE, SIGNING_KEY, DATA_KEY
}
