package dev.lanyard.sdk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The container endpoint's authorization token, kept in a file: read when present, else created
 * (mode 0600) with 256 random bits, base64url. Local programs read the same file
 * ({@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}).
 */
final class ContainerToken {
  private ContainerToken() {}

  static byte[] loadOrCreate(Path file, SecureRandom random) {
    if (!Files.exists(file)) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      if (file.toAbsolutePath().getParent() != null) {
        PrivateFiles.folder(file.toAbsolutePath().getParent());
      }
      PrivateFiles.createIfAbsent(file, token.getBytes(StandardCharsets.UTF_8));
    }
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalStateException("--container-token-file " + file
            + ": must hold one token of printable ASCII characters; delete it to let the agent create one");
      }
      return token.getBytes(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("--container-token-file " + file + ": cannot be read", e);
    }
  }
}
