package org.dpem.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A blocking client of the admin socket: one line out, one JSON line back. Used by
 * {@code dpem admin}; scripts can equally use {@code nc} or {@code socat}.
 */
public final class AdminClient implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  private AdminClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = socket.getOutputStream();
  }

  /**
   * Connects, over TLS if {@code tls} is present (the server's host name is verified).
   *
   * @param timeoutMillis connect timeout and longest wait for a reply
   */
  public static AdminClient connect(String host, int port, Optional<SSLContext> tls, int timeoutMillis)
      throws IOException {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      s.setTcpNoDelay(true);
      if (tls.isPresent()) {
        SSLSocket ssl = (SSLSocket) tls.get().getSocketFactory().createSocket(s, host, port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(p);
        ssl.startHandshake();
        return new AdminClient(ssl);
      }
      return new AdminClient(s);
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /** Trusts exactly the certificates in a PEM file (the server's own, or the CA that signed it). */
  public static SSLContext trusting(Path pemCertificates) throws IOException {
    try (InputStream certs = Files.newInputStream(pemCertificates)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(certs)) {
        ks.setCertificateEntry("admin-" + i++, c);
      }
      if (i == 0) {
        throw new IOException("no certificate in " + pemCertificates);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use " + pemCertificates + " as trusted certificates: " + e.getMessage(), e);
    }
  }

  /** Sends one command and returns the raw reply line; null if the server closed first. */
  public String sendRaw(String line) throws IOException {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a command is one line");
    }
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return in.readLine();
  }

  /** Sends one command and returns the parsed reply. */
  public JsonNode send(String line) throws IOException {
    String raw = sendRaw(line);
    if (raw == null) {
      throw new IOException("the admin socket closed the connection");
    }
    return AdminJson.MAPPER.readTree(raw);
  }

  /** Authenticates; throws with the server's reason if refused. */
  public void authenticate(String token) throws IOException {
    JsonNode r = send("auth " + token);
    if (!r.path("ok").asBoolean()) {
      throw new IOException(r.path("error").asText("authentication refused"));
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
