/**
 * Immutable IAM entity records as the store returns them, following AWS IAM's data model. Nullable
 * components are documented as such; no record's {@code toString()} shows a secret.
 */
package dev.lanyard.sts.store.model;
