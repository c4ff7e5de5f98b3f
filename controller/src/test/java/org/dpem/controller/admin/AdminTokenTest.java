package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.dpem.config.controller.AdminConfig;
import org.dpem.config.controller.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  @TempDir Path tmp;

  @Test
  void configWinsThenTheEnvironmentThenTheFile() throws IOException {
    Path file = tmp.resolve("t");
    Files.writeString(file, "from-file\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env = Map.of(AdminToken.ENV, "from-env");
    assertThat(AdminToken.resolve(Optional.of("from-config"), env, file).matches("from-config")).isTrue();
    assertThat(AdminToken.resolve(Optional.empty(), env, file).matches("from-env")).isTrue();
    AdminToken t = AdminToken.resolve(Optional.empty(), Map.of(), file);
    assertThat(t.matches("from-file")).isTrue();
    assertThat(t.matches("from-fil")).isFalse();
    assertThat(t.toString()).doesNotContain("from-file");
  }

  @Test
  void aMissingFileIsCreatedOwnerOnlyWithARandomTokenThatIsReusedLater() throws IOException {
    Path file = tmp.resolve("sub/admin.token");
    AdminToken first = AdminToken.resolve(Optional.empty(), Map.of(), file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    String secret = Files.readString(file).strip();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
    assertThat(first.matches(secret)).isTrue();
    assertThat(AdminToken.resolve(Optional.empty(), Map.of(), file).matches(secret)).isTrue();
    Path other = tmp.resolve("other.token");
    AdminToken.resolve(Optional.empty(), Map.of(), other);
    assertThat(Files.readString(other).strip()).isNotEqualTo(secret);
  }

  @Test
  void aTokenFileReadableByOthersIsRefused() throws IOException {
    Path file = tmp.resolve("loose");
    Files.writeString(file, "x\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> AdminToken.resolve(Optional.empty(), Map.of(), file))
        .isInstanceOf(IOException.class).hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
  }

  @Test
  void theConfigSectionGivesAddressPortTokenAndTls() throws IOException {
    Path file = tmp.resolve("cfg.token");
    AdminConfig admin = new AdminConfig("0.0.0.0", 7711, Optional.empty(), Optional.of(file),
        Optional.of(new TlsConfig(tmp.resolve("c.pem"), tmp.resolve("k.pem"))));
    AdminServerConfig c = AdminServerConfig.fromConfig(admin, Map.of(AdminToken.ENV, "ignored")).build();
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(7711);
    assertThat(c.token().matches(Files.readString(file).strip())).isTrue();
    assertThat(c.tls().orElseThrow().privateKey()).isEqualTo(tmp.resolve("k.pem"));
    AdminServerConfig inline = AdminServerConfig.fromConfig(
        new AdminConfig("127.0.0.1", 7700, Optional.of("abc"), Optional.empty(), Optional.empty()), Map.of()).build();
    assertThat(inline.token().matches("abc")).isTrue();
    assertThat(inline.tls()).isEmpty();
  }
}
