package org.dpem.controller.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One reply line before encoding, with what the audit log needs to know about the command that
 * caused it.
 *
 * @param command command name, or {@code -} when the line had none
 * @param auditLine the command line as it may be logged (secrets masked)
 * @param body fields after {@code "ok"}; for an error {@code error} and {@code code}
 * @param ok whether the command succeeded
 * @param closeAfter whether the connection closes once this reply is written
 */
record Reply(String command, String auditLine, boolean ok, ObjectNode body, boolean closeAfter) {

  static Reply ok(String command, String auditLine, ObjectNode body) {
    return new Reply(command, auditLine, true, body, false);
  }

  static Reply error(String command, String auditLine, String code, String message) {
    ObjectNode body = AdminJson.MAPPER.createObjectNode();
    body.put("error", message);
    body.put("code", code);
    return new Reply(command, auditLine, false, body, false);
  }

  Reply closing() {
    return new Reply(command, auditLine, ok, body, true);
  }

  String error() {
    return ok ? null : body.path("error").asText();
  }

  /** The wire form: {@code ok} first, then the body's fields, on one line. */
  String toJson() {
    ObjectNode out = AdminJson.MAPPER.createObjectNode();
    out.put("ok", ok);
    out.setAll(body);
    return AdminJson.write(out);
  }
}
