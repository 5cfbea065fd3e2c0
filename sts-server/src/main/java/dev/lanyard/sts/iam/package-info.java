/**
 * The IAM administration service ({@code lanyard.iam.v1.IamService}): AWS IAM semantics over gRPC,
 * one operation class per entity group, each call validated, authorised by the policy engine,
 * written through the store and recorded without secrets.
 */
package dev.lanyard.sts.iam;
