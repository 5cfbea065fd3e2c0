/**
 * Where the commands' server and credentials come from (options, environment, profiles, the SDK's
 * default chain), and {@code lanyard credential-process}.
 */
package dev.lanyard.cli.credentials;
