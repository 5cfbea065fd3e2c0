/** {@code lanyard agent}: runs the host agent until it is told to stop. */
package dev.lanyard.cli.agent;
