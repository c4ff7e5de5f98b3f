package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One admin connection over plain TCP: write a line, read the one-line JSON reply. */
final class AdminLine implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Socket socket;
  final BufferedReader in;
  private final OutputStream out;

  AdminLine(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(15_000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
  }

  JsonNode ask(String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    String reply = in.readLine();
    assertThat(reply).as("reply to '%s'", line).isNotNull();
    return JSON.readTree(reply);
  }

  /** Authenticates, failing the test if the token is refused. */
  AdminLine auth(String token) throws IOException {
    JsonNode r = ask("auth " + token);
    assertThat(r.path("ok").asBoolean()).as("auth: %s", r).isTrue();
    return this;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
