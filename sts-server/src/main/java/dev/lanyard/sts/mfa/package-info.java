/**
 * Multi-factor authentication: TOTP codes (RFC 6238) for virtual MFA devices and their one-time
 * acceptance, shared by the IAM administration service and the STS operations.
 */
package dev.lanyard.sts.mfa;
