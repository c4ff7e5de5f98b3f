package org.dpem.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A text file that holds secrets (broker passwords, signing keys): created with owner-only
 * permissions in one step, so the secret is never readable by others, and refused when someone
 * has widened its permissions.
 */
public final class SecretFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private SecretFile() {}

  /** Whether {@code file} exists (a dangling link counts as existing, so it is not overwritten). */
  public static boolean exists(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Reads the file.
   *
   * @throws IOException if it cannot be read or is readable or writable by anyone but its owner
   */
  public static String read(Path file) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(perms)) {
      throw new IOException(file + " has permissions " + PosixFilePermissions.toString(perms)
          + "; it holds secrets and must be readable only by its owner (chmod 600)");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code text} atomically: a sibling temporary file created owner-only, then moved over
   * {@code file}. Missing parent directories are created owner-only.
   */
  public static void write(Path file, String text) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
