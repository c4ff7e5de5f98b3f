package org.dpem.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/** A blocking line client over a real socket, as a script with {@code nc} would be. */
final class LineClient implements AutoCloseable {
  final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  LineClient(int port) throws IOException {
    this(new Socket(), port);
  }

  LineClient(SSLContext tls, int port) throws IOException {
    this(tls.getSocketFactory().createSocket(), port);
  }

  private LineClient(Socket s, int port) throws IOException {
    socket = s;
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
  }

  void send(String line) throws IOException {
    sendRaw(line + "\n");
  }

  void sendRaw(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next reply as text, or null at end of stream. */
  String readLine() throws IOException {
    return in.readLine();
  }

  /** The next reply parsed, or null at end of stream. */
  JsonNode read() throws IOException {
    String l = in.readLine();
    return l == null ? null : AdminJson.MAPPER.readTree(l);
  }

  JsonNode ask(String line) throws IOException {
    send(line);
    return read();
  }

  /** Authenticates and checks it worked. */
  LineClient auth(String token) throws IOException {
    JsonNode r = ask("auth " + token);
    if (r == null || !r.path("ok").asBoolean()) {
      throw new IOException("auth failed: " + r);
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
