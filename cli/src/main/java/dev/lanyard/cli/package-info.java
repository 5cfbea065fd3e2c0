/** The {@code lanyard} command line: the root command and its subcommand groups. */
package dev.lanyard.cli;
