/** The server's error model: AWS error codes and the one exception type that carries them. */
package dev.lanyard.sts.error;
