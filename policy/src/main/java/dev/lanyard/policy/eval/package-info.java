/**
 * AWS's policy evaluation logic over compiled policies: explicit deny, resource and service
 * control policies, resource-based policies with AWS's per-principal rules, identity policies,
 * permissions boundaries, session policies, same-account and cross-account requests.
 */
package dev.lanyard.policy.eval;
