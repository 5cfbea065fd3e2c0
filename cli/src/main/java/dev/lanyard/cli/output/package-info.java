/** How the commands print: AWS CLI shaped JSON or tables, failures with what to do, exit codes. */
package dev.lanyard.cli.output;
