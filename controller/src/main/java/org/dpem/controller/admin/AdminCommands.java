package org.dpem.controller.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operator commands: checks each command's arguments, calls the backend, and shapes the reply
 * body. Argument errors are thrown at once as {@link AdminException} (message without the command
 * name; the dispatcher adds it).
 */
final class AdminCommands {

  /** One command as {@code help} shows it. */
  record Help(String name, String usage, String text) {}

  static final List<Help> HELP = List.of(
      new Help("auth", "auth TOKEN", "authenticate; must be the first command of a connection"),
      new Help("help", "help [COMMAND]", "list the commands, or describe one"),
      new Help("status", "status", "loop state, policy, epoch, counts"),
      new Help("nodes", "nodes", "list trusted nodes"),
      new Help("node", "node ID", "one node with its devices and neighbours"),
      new Help("devices", "devices", "list every device with node, kind and state"),
      new Help("device", "device ID [safe|clear-fault]",
          "show a device; 'safe' puts it in its safe state; 'clear-fault' clears a latched fault"),
      new Help("request", "request SRC DST MIN_FID PAIRS DEADLINE | request ID",
          "submit a request (MIN_FID in (0.25, 1], PAIRS >= 1, DEADLINE in seconds from now) and "
              + "get its id; or show request ID"),
      new Help("requests", "requests [STATE]", "list requests, optionally only those in STATE"),
      new Help("cancel", "cancel ID", "cancel a request that has not finished"),
      new Help("allocations", "allocations", "list allocations holding resources"),
      new Help("policy", "policy [NAME]", "show the allocation policy, or switch to NAME"),
      new Help("drain", "drain NODE", "take a node out of service (running allocations finish)"),
      new Help("undrain", "undrain NODE", "return a drained node to service"),
      new Help("estop", "estop", "emergency stop: every device to SAFE, allocations stopped, loop paused"),
      new Help("resume", "resume [--all]", "resume the loop after estop or pause; devices put SAFE "
          + "with 'device ID safe' stay SAFE until their own clear-fault, or '--all'"),
      new Help("fed", "fed", "federated averaging: round, participants, epsilon spent"),
      new Help("train", "train", "training status"),
      new Help("metrics", "metrics", "current metrics"),
      new Help("topology", "topology", "nodes and links"),
      new Help("quit", "quit", "close the connection"));

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/@-]{1,128}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,12}(\\.\\d{0,12})?|\\.\\d{1,12})([eE][+-]?\\d{1,3})?");
  private static final Pattern WHOLE = Pattern.compile("\\+?\\d{1,9}");
  static final int MAX_PAIRS = 1_000_000;
  static final double MAX_DEADLINE_SECONDS = 365 * 86400.0;

  private final AdminBackend backend;

  AdminCommands(AdminBackend backend) {
    this.backend = backend;
  }

  static boolean isKnown(String name) {
    return HELP.stream().anyMatch(h -> h.name().equals(name));
  }

  /** Runs a parsed command other than {@code quit}, which the dispatcher handles itself. */
  CompletionStage<ObjectNode> run(Words w) {
    List<String> a = w.args();
    switch (w.name()) {
      case "" -> throw AdminException.badArgument("empty line; try 'help'");
      case "help" -> {
        arity(w, 0, 1);
        return CompletableFuture.completedFuture(help(a));
      }
      case "auth" -> throw AdminException.rejected("already authenticated on this connection");
      case "status" -> {
        arity(w, 0, 0);
        return backend.status().thenApply(as("status"));
      }
      case "nodes" -> {
        arity(w, 0, 0);
        return backend.nodes().thenApply(as("nodes"));
      }
      case "node" -> {
        arity(w, 1, 1);
        return backend.node(id(a.get(0), "ID")).thenApply(d -> {
          ObjectNode o = body();
          o.set("node", tree(d.node()));
          o.set("devices", tree(d.devices()));
          o.set("neighbours", tree(d.neighbours()));
          return o;
        });
      }
      case "devices" -> {
        arity(w, 0, 0);
        return backend.devices().thenApply(as("devices"));
      }
      case "device" -> {
        return device(a);
      }
      case "request" -> {
        if (a.size() == 1) {
          return backend.request(id(a.get(0), "ID")).thenApply(as("request"));
        }
        if (a.size() == 5) {
          return backend.submit(requestSpec(a)).thenApply(id -> body().put("id", id));
        }
        throw AdminException.badArgument("expected 'request SRC DST MIN_FID PAIRS DEADLINE' or 'request ID', got "
            + count(a.size()));
      }
      case "requests" -> {
        arity(w, 0, 1);
        Optional<String> state = a.isEmpty() ? Optional.empty()
            : Optional.of(id(a.get(0), "STATE").toLowerCase(Locale.ROOT));
        return backend.requests(state).thenApply(as("requests"));
      }
      case "cancel" -> {
        arity(w, 1, 1);
        return backend.cancel(id(a.get(0), "ID")).thenApply(as("request"));
      }
      case "allocations" -> {
        arity(w, 0, 0);
        return backend.allocations().thenApply(as("allocations"));
      }
      case "policy" -> {
        arity(w, 0, 1);
        return (a.isEmpty() ? backend.policy() : backend.switchPolicy(id(a.get(0), "NAME"))).thenApply(as("policy"));
      }
      case "drain" -> {
        arity(w, 1, 1);
        return backend.drain(id(a.get(0), "NODE")).thenApply(as("node"));
      }
      case "undrain" -> {
        arity(w, 1, 1);
        return backend.undrain(id(a.get(0), "NODE")).thenApply(as("node"));
      }
      case "estop" -> {
        arity(w, 0, 0);
        return backend.estop().thenApply(as("estop"));
      }
      case "resume" -> {
        arity(w, 0, 1);
        if (!a.isEmpty() && !a.get(0).equals("--all")) {
          throw AdminException.badArgument("unknown option " + Words.quote(a.get(0)) + "; expected '--all'");
        }
        return backend.resume(!a.isEmpty()).thenApply(as("status"));
      }
      case "fed" -> {
        arity(w, 0, 0);
        return backend.federation().thenApply(as("federation"));
      }
      case "train" -> {
        arity(w, 0, 0);
        return backend.training().thenApply(as("training"));
      }
      case "metrics" -> {
        arity(w, 0, 0);
        return backend.metrics().thenApply(as("metrics"));
      }
      case "topology" -> {
        arity(w, 0, 0);
        return backend.topology().thenApply(as("topology"));
      }
      default -> throw AdminException.badArgument("unknown command " + Words.quote(w.name()) + "; try 'help'");
    }
  }

  private CompletionStage<ObjectNode> device(List<String> a) {
    if (a.size() == 1) {
      return backend.device(id(a.get(0), "ID")).thenApply(as("device"));
    }
    if (a.size() == 2) {
      String id = id(a.get(0), "ID");
      switch (a.get(1).toLowerCase(Locale.ROOT)) {
        case "safe" -> {
          return backend.safeDevice(id).thenApply(as("device"));
        }
        case "clear-fault" -> {
          return backend.clearFault(id).thenApply(as("device"));
        }
        default -> throw AdminException.badArgument(
            "unknown action " + Words.quote(a.get(1)) + "; expected 'safe' or 'clear-fault'");
      }
    }
    throw AdminException.badArgument("expected 'device ID', 'device ID safe' or 'device ID clear-fault', got "
        + count(a.size()));
  }

  private static RequestSpec requestSpec(List<String> a) {
    String src = id(a.get(0), "SRC");
    String dst = id(a.get(1), "DST");
    if (src.equals(dst)) {
      throw AdminException.badArgument("SRC and DST must differ, both are " + Words.quote(src));
    }
    double fid = decimal(a.get(2), "MIN_FID", "a number in (0.25, 1]");
    if (!(fid > 0.25 && fid <= 1.0)) {
      throw AdminException.badArgument("MIN_FID must be a number in (0.25, 1], got " + Words.quote(a.get(2)));
    }
    String pairsText = a.get(3);
    if (!WHOLE.matcher(pairsText).matches() || Integer.parseInt(pairsText) < 1
        || Integer.parseInt(pairsText) > MAX_PAIRS) {
      throw AdminException.badArgument("PAIRS must be a whole number in 1.." + MAX_PAIRS + ", got " + Words.quote(pairsText));
    }
    String range = "seconds from now, a number in (0, " + (long) MAX_DEADLINE_SECONDS + "]";
    double deadline = decimal(a.get(4), "DEADLINE", range);
    if (!(deadline > 0 && deadline <= MAX_DEADLINE_SECONDS)) {
      throw AdminException.badArgument("DEADLINE must be " + range + ", got " + Words.quote(a.get(4)));
    }
    return new RequestSpec(src, dst, fid, Integer.parseInt(pairsText), deadline);
  }

  private static double decimal(String s, String what, String expected) {
    // A pattern first: Double.parseDouble also takes "NaN", "Infinity", hex and a trailing 'd'.
    if (!DECIMAL.matcher(s).matches()) {
      throw AdminException.badArgument(what + " must be " + expected + ", got " + Words.quote(s));
    }
    return Double.parseDouble(s);
  }

  private static String id(String s, String what) {
    if (!ID.matcher(s).matches()) {
      throw AdminException.badArgument(what + " must be 1-128 letters, digits or . _ : / @ -, got " + Words.quote(s));
    }
    return s;
  }

  private static void arity(Words w, int min, int max) {
    int n = w.args().size();
    if (n < min || n > max) {
      String usage = HELP.stream().filter(h -> h.name().equals(w.name())).findFirst().map(Help::usage).orElse(w.name());
      throw AdminException.badArgument("expected '" + usage + "', got " + count(n));
    }
  }

  private static String count(int n) {
    return n + (n == 1 ? " argument" : " arguments");
  }

  private static ObjectNode help(List<String> a) {
    ObjectNode o = body();
    ArrayNode list = o.putArray("commands");
    for (Help h : HELP) {
      if (a.isEmpty() || h.name().equalsIgnoreCase(a.get(0))) {
        list.addObject().put("usage", h.usage()).put("help", h.text());
      }
    }
    if (list.isEmpty()) {
      throw AdminException.badArgument("unknown command " + Words.quote(a.get(0)) + "; try 'help'");
    }
    return o;
  }

  private static <T> Function<T, ObjectNode> as(String field) {
    return v -> {
      ObjectNode o = body();
      o.set(field, tree(v));
      return o;
    };
  }

  private static ObjectNode body() {
    return AdminJson.MAPPER.createObjectNode();
  }

  private static JsonNode tree(Object v) {
    return AdminJson.MAPPER.valueToTree(v);
  }
}
