package org.dpem.controller.federation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dpem.driver.SigningKey;

/**
 * The HMAC keys of a federation: one per agent (named by its node id) and one for the
 * aggregator, which signs the rounds it announces. The file has one line per key,
 * {@code ID KEY_ID HEX}, with {@code #} comments; key ids are 0..255 and unique, keys at least 16
 * bytes. An agent's machine needs only its own line and the aggregator's.
 */
public final class FederationKeys {
  /** The id of the aggregator's key in the file. */
  public static final String AGGREGATOR = "aggregator";

  private final Map<String, SigningKey> byId;

  public FederationKeys(Map<String, SigningKey> byId) {
    this.byId = new LinkedHashMap<>(byId);
    Map<Integer, String> seen = new HashMap<>();
    this.byId.forEach((id, k) -> {
      String other = seen.put(k.keyId(), id);
      if (other != null) {
        throw new IllegalArgumentException("key id " + k.keyId() + " is given to both " + other + " and " + id);
      }
    });
  }

  /**
   * Reads a key file.
   *
   * @throws IllegalArgumentException naming {@code file:line} for a bad line
   */
  public static FederationKeys read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, SigningKey> keys = new LinkedHashMap<>();
    Map<Integer, String> keyIds = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      String[] f = line.split("\\s+");
      if (f.length != 3) {
        throw new IllegalArgumentException(where + "expected 'ID KEY_ID HEX', got " + f.length + " fields");
      }
      SigningKey k;
      try {
        k = new SigningKey(Integer.parseInt(f[1]), HexFormat.of().parseHex(f[2]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + f[0] + ": " + e.getMessage(), e);
      }
      if (keys.put(f[0], k) != null) {
        throw new IllegalArgumentException(where + "'" + f[0] + "' has a key already");
      }
      String other = keyIds.put(k.keyId(), f[0]);
      if (other != null) {
        throw new IllegalArgumentException(where + "key id " + k.keyId() + " is " + other + "'s already");
      }
    }
    return new FederationKeys(keys);
  }

  public Optional<SigningKey> key(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The aggregator's key. */
  public Optional<SigningKey> aggregator() {
    return key(AGGREGATOR);
  }

  /** The agents' ids, in file order. */
  public List<String> agents() {
    return byId.keySet().stream().filter(id -> !id.equals(AGGREGATOR)).toList();
  }

  /** Which id owns key id {@code keyId}, if any. */
  public Optional<String> owner(int keyId) {
    return byId.entrySet().stream().filter(e -> e.getValue().keyId() == keyId).map(Map.Entry::getKey).findFirst();
  }

  Map<String, SigningKey> all() {
    return byId;
  }
}
