package org.dpem.controller.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket's shared secret. Resolved, in order, from the config, from the environment
 * variable {@value #ENV}, or from a token file that is generated on first start, readable only by
 * its owner. {@link #toString()} never shows the secret.
 */
public final class AdminToken {
  public static final String ENV = "DPEM_ADMIN_TOKEN";
  private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final byte[] digest;
  private final String source;

  private AdminToken(String secret, String source) {
    if (secret.isBlank() || secret.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("admin token from " + source + " is empty or contains whitespace");
    }
    this.digest = sha256(secret);
    this.source = source;
  }

  /** A token given directly (config, tests). */
  public static AdminToken of(String secret) {
    return new AdminToken(secret, "config");
  }

  /** Where an operator finds the token unless told otherwise: {@code ~/.dpem/admin.token}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".dpem", "admin.token");
  }

  /**
   * Config first, then {@code env}, then {@code file} (created with a fresh random token and
   * owner-only permissions if missing).
   *
   * @throws IOException if the file cannot be read or created, or is readable by others
   */
  public static AdminToken resolve(Optional<String> configured, Map<String, String> env, Path file)
      throws IOException {
    if (configured.isPresent()) {
      return new AdminToken(configured.get().strip(), "config");
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new AdminToken(fromEnv.strip(), "environment variable " + ENV);
    }
    return fromFile(file);
  }

  private static AdminToken fromFile(Path file) throws IOException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return readOwnerOnly(file);
    }
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    try {
      // Created with the permissions in one step, so the secret is never readable by others.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException raced) {
      return readOwnerOnly(file);
    }
    Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    LOG.info("admin token generated into {} (owner read/write only)", file.toAbsolutePath());
    return new AdminToken(secret, "file " + file);
  }

  private static AdminToken readOwnerOnly(Path file) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(perms)) {
      throw new IOException("admin token file " + file + " has permissions "
          + PosixFilePermissions.toString(perms) + "; it must be readable only by its owner (chmod 600)");
    }
    String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    LOG.info("admin token read from {}", file.toAbsolutePath());
    return new AdminToken(secret, "file " + file);
  }

  /** Constant-time check of a presented token (both sides hashed, so length does not leak). */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "AdminToken(from " + source + ")";
  }
}
