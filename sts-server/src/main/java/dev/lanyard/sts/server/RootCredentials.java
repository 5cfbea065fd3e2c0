package dev.lanyard.sts.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.sts.config.PrivateFiles;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.AccessKeySecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The account root's first access key: created when the primary account has none, and written once
 * to {@code <data-dir>/root-credentials.json} (mode 0600; {@code accountId}, {@code accessKeyId},
 * {@code secretAccessKey}). The secret is never logged or printed; only the file's path is.
 */
public final class RootCredentials {
  public static final String FILE_NAME = "root-credentials.json";

  private RootCredentials() {}

  /**
   * Ensures the account root has an access key; returns the file written, or empty when the root
   * already had one (then the file from the first start, if kept, still holds it).
   */
  public static Optional<Path> ensure(IamStore store, String accountId, Path dataDir)
      throws IOException {
    if (!store.accessKeys().listForRoot(accountId).isEmpty()) {
      return Optional.empty();
    }
    AccessKeySecret created = store.accessKeys().createForRoot(accountId);
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("accountId", accountId);
    json.put("accessKeyId", created.key().accessKeyId());
    json.put("secretAccessKey", created.secretAccessKey().utf8());
    Path file = dataDir.resolve(FILE_NAME);
    Files.createDirectories(dataDir);
    PrivateFiles.write(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    return Optional.of(file);
  }
}
