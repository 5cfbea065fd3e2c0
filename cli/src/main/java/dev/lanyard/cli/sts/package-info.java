/** {@code lanyard sts}: AWS STS calls from the shell, in the AWS CLI's words and output shape. */
package dev.lanyard.cli.sts;
