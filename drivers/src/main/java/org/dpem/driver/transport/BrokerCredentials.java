package org.dpem.driver.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dpem.driver.SecretFile;

/**
 * User names and passwords of the embedded broker, kept in an owner-only file of
 * {@code USER PASSWORD} lines ({@code #} starts a comment). User {@value #CONTROLLER} is the
 * controller (and lab tools acting for it); every other user is a device, named by its device id.
 * Missing users get a fresh random password, written back to the file, so an operator provisions
 * a real device by copying its line.
 */
public final class BrokerCredentials {
  /** The user that may command devices. */
  public static final String CONTROLLER = "controller";

  private final Map<String, String> passwords;
  private final Path file;

  private BrokerCredentials(Map<String, String> passwords, Path file) {
    this.passwords = Map.copyOf(passwords);
    this.file = file;
  }

  /** {@code ~/.dpem/broker.credentials}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".dpem", "broker.credentials");
  }

  /**
   * Reads {@code file} (creating it if missing) and adds a random password for {@value
   * #CONTROLLER} and each of {@code users} that has none.
   *
   * @throws IOException if the file cannot be read or written, is readable by others, or has a
   *     malformed line (named by its number)
   */
  public static BrokerCredentials loadOrCreate(Path file, Collection<String> users) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    if (SecretFile.exists(file)) {
      String content = SecretFile.read(file);
      text.append(content);
      String[] lines = content.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\s+");
        if (f.length != 2) {
          throw new IOException(file + ":" + (i + 1) + ": expected 'USER PASSWORD', got "
              + f.length + " fields");
        }
        m.put(f[0], f[1]);
      }
    } else {
      text.append("# MQTT users of the DPEM embedded broker: USER PASSWORD. User 'controller'"
          + " commands devices;\n# every other user is a device id and may publish only under its"
          + " own topics.\n");
    }
    boolean added = false;
    java.util.List<String> wanted = new java.util.ArrayList<>();
    wanted.add(CONTROLLER);
    wanted.addAll(users);
    for (String u : wanted) {
      if (!m.containsKey(u)) {
        if (u.isEmpty() || u.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("broker user '" + u + "' is empty or has whitespace");
        }
        String pw = randomPassword();
        m.put(u, pw);
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.append('\n');
        }
        text.append(u).append(' ').append(pw).append('\n');
        added = true;
      }
    }
    if (added) {
      SecretFile.write(file, text.toString());
    }
    return new BrokerCredentials(m, file);
  }

  /** Credentials held only in memory (tests, a throw-away broker). */
  public static BrokerCredentials inMemory(Collection<String> users) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(CONTROLLER, randomPassword());
    users.forEach(u -> m.put(u, randomPassword()));
    return new BrokerCredentials(m, null);
  }

  private static String randomPassword() {
    byte[] raw = new byte[24];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** The password of {@code user}, if it has one. */
  public Optional<char[]> password(String user) {
    String p = passwords.get(user);
    return p == null ? Optional.empty() : Optional.of(p.toCharArray());
  }

  /** Whether {@code user} exists and {@code password} is its password (constant time). */
  public boolean check(String user, byte[] password) {
    String p = user == null ? null : passwords.get(user);
    if (p == null || password == null) {
      return false;
    }
    return MessageDigest.isEqual(p.getBytes(StandardCharsets.UTF_8), password);
  }

  /** The file they live in, or null when held in memory only. */
  public Path file() {
    return file;
  }

  @Override
  public String toString() {
    return "BrokerCredentials(" + passwords.size() + " users" + (file == null ? "" : ", " + file) + ")";
  }
}
