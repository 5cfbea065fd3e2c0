/** Amazon Resource Names: parsing and printing the six-part {@code arn:} syntax. */
package dev.lanyard.policy.arn;
