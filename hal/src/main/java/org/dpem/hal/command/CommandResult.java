package org.dpem.hal.command;

import java.util.Objects;

/**
 * The result of one command.
 *
 * @param code how it ended
 * @param detail a human-readable explanation naming the limit, state or cause; empty on success
 */
public record CommandResult(ResultCode code, String detail) {
  private static final CommandResult OK = new CommandResult(ResultCode.OK, "");

  public CommandResult {
    Objects.requireNonNull(code, "code");
    detail = detail == null ? "" : detail;
  }

  public static CommandResult ok() {
    return OK;
  }

  public static CommandResult of(ResultCode code, String detail) {
    return new CommandResult(code, detail);
  }

  public boolean isOk() {
    return code.ok();
  }

  @Override
  public String toString() {
    return detail.isEmpty() ? code.name() : code + ": " + detail;
  }
}
