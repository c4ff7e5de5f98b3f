package org.dpem.driver;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A shared HMAC key for signed commands.
 *
 * @param keyId the id receivers look the key up by, 0..255
 * @param key at least 16 bytes (32 recommended)
 */
public record SigningKey(int keyId, byte[] key) {
  public SigningKey {
    Objects.requireNonNull(key, "key");
    if (keyId < 0 || keyId > 255) {
      throw new IllegalArgumentException("signing key id must be 0..255, got " + keyId);
    }
    if (key.length < 16) {
      throw new IllegalArgumentException("signing key must be at least 16 bytes, got " + key.length);
    }
    key = key.clone();
  }

  /** Parses {@code ID:HEX}, e.g. {@code 1:00112233445566778899aabbccddeeff}. */
  public static SigningKey parse(String s) {
    int colon = s.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("signing key '" + s.replaceAll("[0-9a-fA-F]{6,}", "...")
          + "' must be KEYID:HEX");
    }
    try {
      return new SigningKey(Integer.parseInt(s.substring(0, colon)),
          HexFormat.of().parseHex(s.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signing key must be KEYID:HEX (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads {@code KEYID:HEX} from an owner-only file, or, when the file is missing, creates it
   * with key id 1 and 32 random bytes.
   *
   * @throws java.io.IOException if it cannot be read or written, is readable by others, or does
   *     not hold a key (the message names the file)
   */
  public static SigningKey loadOrCreate(java.nio.file.Path file) throws java.io.IOException {
    if (SecretFile.exists(file)) {
      String text = SecretFile.read(file).strip();
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        throw new java.io.IOException(file + ": " + e.getMessage(), e);
      }
    }
    byte[] raw = new byte[32];
    new java.security.SecureRandom().nextBytes(raw);
    SigningKey k = new SigningKey(1, raw);
    SecretFile.write(file, "1:" + HexFormat.of().formatHex(raw) + "\n");
    return k;
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
