package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import org.dpem.controller.admin.AdminClient;
import org.dpem.controller.admin.AdminServerConfig;
import org.dpem.controller.admin.AdminToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dpem admin}: a client for the admin socket. With a command, sends it and prints the reply;
 * without one, an interactive prompt. Exit status: 0 ok, 1 the controller refused the command,
 * 3 no connection or authentication refused.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = {"Talk to a running controller's admin socket.",
        "With COMMAND, send it and print the reply; without, read commands interactively",
        "('history' lists them, '!!' repeats the last, '!N' the N-th, 'quit' leaves).",
        "Commands: run 'dpem admin help'."},
    footer = {"Token: --token-file, else $" + AdminToken.ENV + ", else ~/.dpem/admin.token."})
public final class AdminCommand implements Callable<Integer> {
  static final int REFUSED = 1;
  static final int UNREACHABLE = 3;

  @Spec CommandSpec spec;

  @Option(names = "--host", description = "controller host (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "admin port (default: ${DEFAULT-VALUE})")
  int port = AdminServerConfig.DEFAULT_PORT;

  @Option(names = "--token-file", paramLabel = "F", description = "file holding the admin token")
  Path tokenFile;

  @Option(names = "--json", description = "print the raw JSON reply")
  boolean json;

  @Option(names = "--tls", description = "connect with TLS")
  boolean tls;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "certificate(s) to trust for TLS (default: the JVM's trust store); implies --tls")
  Path caFile;

  @Option(names = "--timeout", paramLabel = "MS", description = "connect and reply timeout (default: ${DEFAULT-VALUE} ms)")
  int timeoutMillis = 30_000;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "command and its arguments, e.g. 'devices'")
  List<String> command = new ArrayList<>();

  /** Where interactive commands come from; tests substitute their own. */
  InputStream input = System.in;
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AdminClient client = AdminClient.connect(host, port, sslContext(), timeoutMillis)) {
      client.authenticate(token());
      if (!command.isEmpty()) {
        return print(client.send(String.join(" ", command)), out, err);
      }
      return interactive(client, out, err);
    } catch (IOException e) {
      err.println("dpem admin: " + host + ":" + port + ": " + e.getMessage());
      err.flush();
      return UNREACHABLE;
    }
  }

  private Optional<SSLContext> sslContext() throws IOException {
    if (caFile != null) {
      return Optional.of(AdminClient.trusting(caFile));
    }
    if (tls) {
      try {
        return Optional.of(SSLContext.getDefault());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IOException("no default TLS context: " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  private String token() throws IOException {
    if (tokenFile != null) {
      return read(tokenFile);
    }
    String fromEnv = env.get(AdminToken.ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    Path def = AdminToken.defaultFile();
    if (!Files.exists(def)) {
      throw new IOException("no token: give --token-file, set " + AdminToken.ENV + ", or create " + def);
    }
    return read(def);
  }

  private static String read(Path f) throws IOException {
    String t = Files.readString(f, StandardCharsets.UTF_8).strip();
    if (t.isEmpty()) {
      throw new IOException("token file " + f + " is empty");
    }
    return t;
  }

  private int print(JsonNode reply, PrintWriter out, PrintWriter err) {
    boolean ok = reply.path("ok").asBoolean();
    if (json) {
      out.println(reply.toString());
    } else if (ok) {
      out.println(ReplyFormatter.format(reply));
    } else {
      err.println(ReplyFormatter.format(reply));
    }
    out.flush();
    err.flush();
    return ok ? 0 : REFUSED;
  }

  private int interactive(AdminClient client, PrintWriter out, PrintWriter err) throws IOException {
    boolean prompt = System.console() != null && input == System.in;
    List<String> history = new ArrayList<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    int last = 0;
    while (true) {
      if (prompt) {
        out.print("dpem> ");
        out.flush();
      }
      String line = lines.readLine();
      if (line == null) {
        return last;
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("history")) {
        for (int i = 0; i < history.size(); i++) {
          out.printf("%4d  %s%n", i + 1, history.get(i));
        }
        out.flush();
        continue;
      }
      if (line.startsWith("!")) {
        Optional<String> recalled = recall(line, history);
        if (recalled.isEmpty()) {
          err.println("no such history entry: " + line);
          err.flush();
          continue;
        }
        line = recalled.get();
        out.println(line);
      }
      history.add(line);
      if (line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) {
        client.sendRaw("quit");
        return last;
      }
      last = print(client.send(line), out, err);
    }
  }

  private static Optional<String> recall(String bang, List<String> history) {
    if (history.isEmpty()) {
      return Optional.empty();
    }
    if (bang.equals("!!")) {
      return Optional.of(history.get(history.size() - 1));
    }
    try {
      int n = Integer.parseInt(bang.substring(1));
      return n >= 1 && n <= history.size() ? Optional.of(history.get(n - 1)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
