/**
 * Host enrolment and instance-profile credentials (Lanyard extension to STS): an agent enrols a host
 * with a one-time join token and its Ed25519 public key, then proves possession of that key over a
 * fresh, one-time challenge to receive its instance profile role's credentials. {@link
 * dev.lanyard.sts.agent.InstanceOperations} is the front-door-agnostic entry point.
 */
package dev.lanyard.sts.agent;
