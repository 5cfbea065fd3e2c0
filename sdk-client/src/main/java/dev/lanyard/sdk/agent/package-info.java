/**
 * The Lanyard host agent's library: {@link dev.lanyard.sdk.agent.HostAgent} enrols a host once with a
 * join token, proves possession of its Ed25519 host key to obtain the instance profile role's
 * credentials, keeps them fresh, and serves them on loopback (IMDSv2-compatible, container endpoint)
 * and on a Unix socket read by {@link dev.lanyard.sdk.credentials.AgentSocketCredentialsProvider}.
 */
package dev.lanyard.sdk.agent;
