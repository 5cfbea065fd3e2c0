-- Lanyard IAM store, schema version 1. Portable SQL: runs unchanged on PostgreSQL and on H2.
-- Times are TIMESTAMP WITH TIME ZONE; sealed secrets are base64 text; names are unique per account
-- through a lower-cased name_key column where AWS treats names case-insensitively.

CREATE TABLE store_version (
    id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 0);

-- version is the primary key, so changesSince (WHERE version > ? ORDER BY version) is an index range scan.
CREATE TABLE change_log (
    version BIGINT PRIMARY KEY,
    entity_kind VARCHAR(32) NOT NULL,
    account_id VARCHAR(12),
    entity_id VARCHAR(2048) NOT NULL,
    entity_name VARCHAR(2048) NOT NULL,
    op VARCHAR(16) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account (
    id VARCHAR(12) PRIMARY KEY,
    alias VARCHAR(63),
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_alias_uq UNIQUE (alias)
);

CREATE TABLE iam_user (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(64) NOT NULL,
    name_key VARCHAR(64) NOT NULL,
    path VARCHAR(512) NOT NULL,
    arn VARCHAR(2048) NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    boundary_arn VARCHAR(2048),
    revoked_before TIMESTAMP WITH TIME ZONE,
    row_version BIGINT NOT NULL,
    CONSTRAINT iam_user_name_uq UNIQUE (account_id, name_key)
);
CREATE INDEX iam_user_arn_ix ON iam_user (arn);

CREATE TABLE iam_group (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(128) NOT NULL,
    name_key VARCHAR(128) NOT NULL,
    path VARCHAR(512) NOT NULL,
    arn VARCHAR(2048) NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT NOT NULL,
    CONSTRAINT iam_group_name_uq UNIQUE (account_id, name_key)
);
CREATE INDEX iam_group_arn_ix ON iam_group (arn);

CREATE TABLE group_member (
    group_id VARCHAR(32) NOT NULL REFERENCES iam_group (id),
    user_id VARCHAR(32) NOT NULL REFERENCES iam_user (id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_member_user_ix ON group_member (user_id);

CREATE TABLE iam_role (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(64) NOT NULL,
    name_key VARCHAR(64) NOT NULL,
    path VARCHAR(512) NOT NULL,
    arn VARCHAR(2048) NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    trust_policy TEXT NOT NULL,
    description VARCHAR(1000),
    max_session_duration INTEGER NOT NULL,
    boundary_arn VARCHAR(2048),
    revoked_before TIMESTAMP WITH TIME ZONE,
    row_version BIGINT NOT NULL,
    CONSTRAINT iam_role_name_uq UNIQUE (account_id, name_key),
    CONSTRAINT iam_role_duration_ck CHECK (max_session_duration BETWEEN 3600 AND 43200)
);
CREATE INDEX iam_role_arn_ix ON iam_role (arn);

-- Tags of users, roles, managed policies, instance profiles and identity providers, by owner id.
CREATE TABLE entity_tag (
    owner_id VARCHAR(2048) NOT NULL,
    key_norm VARCHAR(128) NOT NULL,
    tag_key VARCHAR(128) NOT NULL,
    tag_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (owner_id, key_norm)
);

CREATE TABLE managed_policy (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(128) NOT NULL,
    name_key VARCHAR(128) NOT NULL,
    path VARCHAR(512) NOT NULL,
    arn VARCHAR(2048) NOT NULL,
    description VARCHAR(1000),
    default_version VARCHAR(16) NOT NULL,
    next_version INTEGER NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    update_date TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT NOT NULL,
    CONSTRAINT managed_policy_name_uq UNIQUE (account_id, name_key),
    CONSTRAINT managed_policy_arn_uq UNIQUE (arn)
);

CREATE TABLE policy_version (
    policy_id VARCHAR(32) NOT NULL REFERENCES managed_policy (id),
    version_id VARCHAR(16) NOT NULL,
    version_number INTEGER NOT NULL,
    document TEXT NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (policy_id, version_id)
);

-- owner_kind is USER, GROUP or ROLE; owner_id the owner's unique id.
CREATE TABLE inline_policy (
    owner_id VARCHAR(32) NOT NULL,
    owner_kind VARCHAR(8) NOT NULL,
    policy_name VARCHAR(128) NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (owner_id, policy_name)
);

-- policy_id is set for customer managed policies, NULL for AWS managed ARNs.
CREATE TABLE policy_attachment (
    owner_id VARCHAR(32) NOT NULL,
    owner_kind VARCHAR(8) NOT NULL,
    policy_arn VARCHAR(2048) NOT NULL,
    policy_name VARCHAR(128) NOT NULL,
    policy_id VARCHAR(32) REFERENCES managed_policy (id),
    PRIMARY KEY (owner_id, policy_arn)
);
CREATE INDEX policy_attachment_policy_ix ON policy_attachment (policy_id);

-- user_id is NULL for a key of the account root (arn:PARTITION:iam::ACCOUNT:root), which is not an IAM user.
CREATE TABLE access_key (
    id VARCHAR(20) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    user_id VARCHAR(32) REFERENCES iam_user (id),
    status VARCHAR(8) NOT NULL,
    secret_sealed TEXT NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_date TIMESTAMP WITH TIME ZONE,
    last_used_service VARCHAR(128),
    last_used_region VARCHAR(64),
    CONSTRAINT access_key_owner_ck CHECK (user_id IS NOT NULL OR account_id IS NOT NULL),
    CONSTRAINT access_key_status_ck CHECK (status IN ('ACTIVE', 'INACTIVE'))
);
CREATE INDEX access_key_user_ix ON access_key (user_id);
CREATE INDEX access_key_account_ix ON access_key (account_id, user_id);

CREATE TABLE mfa_device (
    serial VARCHAR(2048) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(226) NOT NULL,
    name_key VARCHAR(226) NOT NULL,
    path VARCHAR(512) NOT NULL,
    seed_sealed TEXT NOT NULL,
    user_id VARCHAR(32) REFERENCES iam_user (id),
    enable_date TIMESTAMP WITH TIME ZONE,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mfa_device_name_uq UNIQUE (account_id, name_key)
);
CREATE INDEX mfa_device_user_ix ON mfa_device (user_id);

CREATE TABLE instance_profile (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(128) NOT NULL,
    name_key VARCHAR(128) NOT NULL,
    path VARCHAR(512) NOT NULL,
    arn VARCHAR(2048) NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    role_id VARCHAR(32) REFERENCES iam_role (id),
    row_version BIGINT NOT NULL,
    CONSTRAINT instance_profile_name_uq UNIQUE (account_id, name_key)
);
CREATE INDEX instance_profile_role_ix ON instance_profile (role_id);
CREATE INDEX instance_profile_arn_ix ON instance_profile (arn);

CREATE TABLE oidc_provider (
    arn VARCHAR(2048) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    url VARCHAR(255) NOT NULL,
    url_key VARCHAR(255) NOT NULL,
    client_ids TEXT NOT NULL,
    thumbprints TEXT NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT NOT NULL,
    CONSTRAINT oidc_provider_url_uq UNIQUE (account_id, url_key)
);

CREATE TABLE saml_provider (
    arn VARCHAR(2048) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    name VARCHAR(128) NOT NULL,
    name_key VARCHAR(128) NOT NULL,
    metadata TEXT NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT NOT NULL,
    CONSTRAINT saml_provider_name_uq UNIQUE (account_id, name_key)
);

CREATE TABLE join_token (
    token_hash VARCHAR(128) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    instance_profile_id VARCHAR(32) NOT NULL REFERENCES instance_profile (id),
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used BOOLEAN NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    instance_id VARCHAR(32)
);

CREATE TABLE host_instance (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(12) NOT NULL REFERENCES account (id),
    instance_profile_id VARCHAR(32) NOT NULL REFERENCES instance_profile (id),
    host_public_key TEXT NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refresh TIMESTAMP WITH TIME ZONE,
    revoked BOOLEAN NOT NULL
);
CREATE INDEX host_instance_account_ix ON host_instance (account_id, id);

-- Key rings: a key is NEXT (published, not yet in use), ACTIVE (signs or seals) or RETIRED (verifies only).
CREATE TABLE signing_key (
    kid VARCHAR(128) PRIMARY KEY,
    algorithm VARCHAR(32) NOT NULL,
    state VARCHAR(16) NOT NULL,
    public_jwk TEXT NOT NULL,
    private_sealed TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE,
    retired_at TIMESTAMP WITH TIME ZONE,
    row_version BIGINT NOT NULL,
    CONSTRAINT signing_key_state_ck CHECK (state IN ('NEXT', 'ACTIVE', 'RETIRED'))
);

-- expires_at is set for keys made by DataKeyStore.create and NULL for rotated ring keys (removed by rotation).
CREATE TABLE data_key (
    id VARCHAR(64) PRIMARY KEY,
    key_sealed TEXT NOT NULL,
    state VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE,
    retired_at TIMESTAMP WITH TIME ZONE,
    expires_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT data_key_state_ck CHECK (state IN ('NEXT', 'ACTIVE', 'RETIRED'))
);

-- One-time ids (assertion ids, nonces), by SHA-256 of the id, until expires_at.
CREATE TABLE replay_record (
    id_hash VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX replay_record_expiry_ix ON replay_record (expires_at);
