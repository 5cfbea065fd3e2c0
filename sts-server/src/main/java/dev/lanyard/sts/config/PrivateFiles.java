package dev.lanyard.sts.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read (mode 0600), created with that mode from the start so that no
 * window exists in which another user could read them; written atomically through a temp file.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  private static boolean posix(Path p) {
    Path dir = p.toAbsolutePath().getParent();
    return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly(Path p) {
    return posix(p)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }

  /** Creates an empty file with mode 0600; does nothing if it exists. */
  public static void createEmpty(Path file) throws IOException {
    try {
      Files.createFile(file, ownerOnly(file));
    } catch (FileAlreadyExistsException e) {
      // someone else created it first: fine
    }
  }

  /** Writes {@code content} to {@code file} atomically with mode 0600. */
  public static void write(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly(file));
    try {
      Files.write(tmp, content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void write(Path file, String content) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }
}
