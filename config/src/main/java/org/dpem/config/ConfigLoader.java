package org.dpem.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dpem.config.load.DocumentReader;

/**
 * Loads and validates a DPEM config file. Every problem in the file is reported at once, each with
 * its file, line, column and key path; nothing is half-loaded. Every key has a default, so an empty
 * file is the paper's simulated 100-node scenario.
 */
public final class ConfigLoader {

  /** Larger than any real config; stops a stray multi-gigabyte file from being read into memory. */
  public static final int MAX_BYTES = 4 << 20;

  private ConfigLoader() {}

  /**
   * Loads {@code file}. Relative paths inside it (journal, token file, TLS files, trace) resolve
   * against its directory, and referenced input files must exist.
   *
   * @throws IOException the file cannot be read at all (missing, unreadable)
   * @throws ConfigException the file was read and is not a valid config
   */
  public static DpemConfig load(Path file) throws IOException, ConfigException {
    String name = file.toString();
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new ConfigException(List.of(new ConfigProblem(name, 1, 1, "", "file is " + size + " bytes; a config may be at most " + MAX_BYTES)));
    }
    String text = decode(Files.readAllBytes(file), name);
    Path dir = file.toAbsolutePath().normalize().getParent();
    return DocumentReader.read(text, name, Optional.ofNullable(dir));
  }

  /**
   * Parses YAML text that did not come from a file (a resource, a test). Relative paths stay as
   * written and referenced files are not checked for existence.
   *
   * @param name the name problems are reported under
   */
  public static DpemConfig parse(String yaml, String name) throws ConfigException {
    if (yaml.length() > MAX_BYTES) {
      throw new ConfigException(List.of(new ConfigProblem(name, 1, 1, "", "text is longer than " + MAX_BYTES + " characters")));
    }
    return DocumentReader.read(yaml, name, Optional.empty());
  }

  /** Bytes as UTF-8, or a problem at the line of the first byte that is not. */
  static String decode(byte[] bytes, String name) throws ConfigException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new ConfigException(List.of(new ConfigProblem(name, line, bad - lineStart + 1, "",
          "not UTF-8 text (invalid byte 0x" + String.format("%02x", bytes[bad] & 0xff) + ")")));
    }
  }

  /** Index of the first byte that starts a malformed UTF-8 sequence (one linear scan). */
  static int firstInvalid(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int lead = b[i] & 0xff;
      int len = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
          : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
      if (len == 0 || i + len > b.length) return i;
      for (int k = 1; k < len; k++) {
        if ((b[i + k] & 0xc0) != 0x80) return i;
      }
      i += len;
    }
    return 0; // only overlong or surrogate forms remain; blame the start
  }
}
