package org.dpem.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dpem.controller.admin.AdminServer;
import org.dpem.controller.admin.AdminServerConfig;
import org.dpem.controller.admin.AdminToken;
import org.dpem.controller.admin.InMemoryAdminBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dpem admin} against a real admin server on a real socket. */
class AdminCommandTest {
  @TempDir Path tmp;
  ExecutorService loop;
  AdminServer server;
  Path tokenFile;

  @BeforeEach
  void start() throws IOException {
    loop = Executors.newSingleThreadExecutor();
    server = AdminServer.start(AdminServerConfig.builder(AdminToken.of("cli-token")).port(0).build(),
        new InMemoryAdminBackend(3, loop));
    tokenFile = tmp.resolve("token");
    Files.writeString(tokenFile, "cli-token\n");
  }

  @AfterEach
  void stop() {
    server.close();
    loop.shutdownNow();
  }

  record Run(int exit, String out, String err) {}

  Run run(String stdin, Map<String, String> env, String... args) {
    AdminCommand cmd = new AdminCommand();
    cmd.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    cmd.env = env;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Run run(String... args) {
    return run("", Map.of(), args);
  }

  String port() {
    return String.valueOf(server.port());
  }

  @Test
  void printsATableByDefaultAndRawJsonOnRequest() throws Exception {
    Run table = run("--port", port(), "--token-file", tokenFile.toString(), "devices");
    assertThat(table.exit()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).startsWith("id").contains("node").contains("kind").contains("state");
    assertThat(lines).hasSize(1 + 9);
    assertThat(lines.get(1)).startsWith("n0-source").contains("READY");

    Run json = run("--port", port(), "--token-file", tokenFile.toString(), "--json", "request", "n0", "n2", "0.9", "5", "60");
    assertThat(json.exit()).isZero();
    assertThat(new ObjectMapper().readTree(json.out()).path("id").asText()).isEqualTo("r1");

    Run status = run("--port", port(), "--token-file", tokenFile.toString(), "status");
    assertThat(status.out()).contains("loop:").contains("running");
  }

  @Test
  void aRefusedCommandExitsOneWithTheErrorOnStderr() {
    Run r = run("--port", port(), "--token-file", tokenFile.toString(), "node", "n9");
    assertThat(r.exit()).isEqualTo(AdminCommand.REFUSED);
    assertThat(r.err().strip()).isEqualTo("error: node: unknown node 'n9'");
  }

  @Test
  void theTokenComesFromTheEnvironmentWithoutAFileAndAWrongOneIsReported() {
    assertThat(run("", Map.of(AdminToken.ENV, "cli-token"), "--port", port(), "nodes").exit()).isZero();
    Run bad = run("", Map.of(AdminToken.ENV, "nope"), "--port", port(), "nodes");
    assertThat(bad.exit()).isEqualTo(AdminCommand.UNREACHABLE);
    assertThat(bad.err()).contains("auth: wrong token");
  }

  @Test
  void noServerMeansExitThree() throws IOException {
    int free;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      free = s.getLocalPort();
    }
    Run r = run("--port", String.valueOf(free), "--token-file", tokenFile.toString(), "status");
    assertThat(r.exit()).isEqualTo(AdminCommand.UNREACHABLE);
    assertThat(r.err()).startsWith("dpem admin: 127.0.0.1:" + free + ": ");
  }

  @Test
  void interactiveModeKeepsHistoryAndRepeats() {
    Run r = run("nodes\n\ndrain n1\nhistory\n!!\n!1\n!9\nquit\nstatus\n", Map.of(),
        "--port", port(), "--token-file", tokenFile.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("   1  nodes", "   2  drain n1");
    assertThat(r.out().lines().filter(l -> l.startsWith("state:") && l.contains("drained")).count())
        .as("drain n1, then !! repeating it").isEqualTo(2);
    assertThat(r.err()).contains("no such history entry: !9");
    assertThat(r.out()).doesNotContain("loop:");
  }

  @Test
  void isRegisteredUnderDpem() {
    assertThat(new CommandLine(new DpemCommand()).getSubcommands()).containsKey("admin");
  }
}
