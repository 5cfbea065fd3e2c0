package dev.lanyard.sts.session;

/**
 * What GetCallerIdentity returns.
 *
 * @param userId the {@code aws:userid} value
 */
public record CallerIdentity(String userId, String account, String arn) {}
