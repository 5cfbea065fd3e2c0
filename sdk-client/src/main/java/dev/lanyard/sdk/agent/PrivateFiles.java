package dev.lanyard.sdk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files and folders of the agent's state: created with mode 0600 (folders 0700) from the
 * start, never widened afterwards, written atomically (a temporary file moved into place).
 */
final class PrivateFiles {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates the folder (0700) when absent. */
  static void folder(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, attributes(FOLDER));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("state folder " + dir + ": cannot be created", e);
    }
  }

  /** Writes {@code bytes} to {@code file} atomically, mode 0600. */
  static void write(Path file, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(FILE));
      try {
        Files.write(tmp, bytes);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written", e);
    }
  }

  /** Creates {@code file} with {@code bytes}, mode 0600, unless it exists; true when created. */
  static boolean createIfAbsent(Path file, byte[] bytes) {
    try {
      Files.write(Files.createFile(file, attributes(FILE)), bytes);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be created", e);
    }
  }

  /** Sets mode 0600 on a file the agent made (e.g. a socket). */
  static void ownerOnly(Path file) {
    try {
      if (posix(file)) {
        Files.setPosixFilePermissions(file, FILE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be made owner-only", e);
    }
  }

  private static boolean posix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
    return Path.of("").getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }
}
