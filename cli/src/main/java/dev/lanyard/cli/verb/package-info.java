/**
 * Table-driven commands: a {@link dev.lanyard.cli.verb.Verb} names a gRPC method, and its options
 * are the request's fields in the AWS CLI's spelling; used by {@code sts}, {@code iam} and {@code authz}.
 */
package dev.lanyard.cli.verb;
