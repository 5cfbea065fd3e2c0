/** {@code lanyard iam}: the IAM administration API from the shell, in the AWS CLI's words. */
package dev.lanyard.cli.iam;
