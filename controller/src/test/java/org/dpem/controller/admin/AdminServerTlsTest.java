package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a self-signed certificate made by the JDK's keytool for this test. */
class AdminServerTlsTest {
  @TempDir static Path tmp;
  static Path cert;
  static Path key;

  @BeforeAll
  static void makeCertificate() throws Exception {
    Path ks = tmp.resolve("admin.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "admin", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", ks.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(ks.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    Key k = store.getKey("admin", "changeit".toCharArray());
    cert = tmp.resolve("admin.crt");
    key = tmp.resolve("admin.key");
    Files.writeString(cert, pem("CERTIFICATE", store.getCertificate("admin").getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", k.getEncoded()));
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  AdminServer start() throws IOException {
    return AdminServer.start(AdminServerConfig.builder(AdminToken.of("tls-token")).port(0)
        .tls(new AdminServerConfig.TlsFiles(cert, key)).build(), InMemoryAdminBackend.direct(2));
  }

  @Test
  void aClientTrustingTheCertificateTalksOverTls() throws Exception {
    try (AdminServer server = start();
        AdminClient c = AdminClient.connect("127.0.0.1", server.port(), Optional.of(AdminClient.trusting(cert)), 10_000)) {
      c.authenticate("tls-token");
      assertThat(c.send("status").path("status").path("usableNodes").asInt()).isEqualTo(2);
      assertThat(c.send("bogus").path("ok").asBoolean()).isFalse();
    }
  }

  @Test
  void overlongLinesAndQuitCloseCleanlyOverTls() throws Exception {
    try (AdminServer server = start();
        LineClient c = new LineClient(AdminClient.trusting(cert), server.port())) {
      c.auth("tls-token");
      c.sendRaw("x".repeat(5000) + "\n");
      assertThat(c.read().path("code").asText()).isEqualTo("line_too_long");
      assertThat(c.read()).isNull();
    }
    try (AdminServer server = start();
        LineClient c = new LineClient(AdminClient.trusting(cert), server.port())) {
      assertThat(c.ask("quit").path("bye").asBoolean()).isTrue();
      assertThat(c.read()).isNull();
    }
  }

  @Test
  void aClientThatDoesNotTrustItIsRefusedAndPlainTextGetsNoReply() throws Exception {
    try (AdminServer server = start()) {
      assertThatThrownBy(() -> AdminClient.connect("127.0.0.1", server.port(),
          Optional.of(javax.net.ssl.SSLContext.getDefault()), 10_000)).isInstanceOf(SSLException.class);
      try (LineClient plain = new LineClient(server.port())) {
        plain.send("auth tls-token");
        // The server reads the line as a broken TLS record and closes.
        assertThat(plain.socket.getInputStream().read()).isEqualTo(-1);
      }
    }
  }

  @Test
  void unusableKeyFilesFailAtStartNamingThem() throws IOException {
    Path bad = tmp.resolve("bad.key");
    Files.writeString(bad, "not a key\n");
    assertThatThrownBy(() -> AdminServer.start(AdminServerConfig.builder(AdminToken.of("t")).port(0)
        .tls(new AdminServerConfig.TlsFiles(cert, bad)).build(), InMemoryAdminBackend.direct(1)))
        .isInstanceOf(IOException.class).hasMessageContaining("admin TLS").hasMessageContaining("bad.key");
  }
}
