/**
 * The AWS shared configuration files ({@code ~/.aws/credentials} and {@code ~/.aws/config}): where
 * they are, how they parse, and the merged profiles. Turning a profile into credentials is {@link
 * dev.lanyard.sdk.credentials.ProfileCredentialsProvider}'s job.
 */
package dev.lanyard.sdk.profile;
