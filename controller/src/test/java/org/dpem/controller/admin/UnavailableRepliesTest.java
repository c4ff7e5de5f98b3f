package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.dpem.controller.cli.DpemCommand;
import org.dpem.controller.operator.Operator;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** What 'unavailable' replies point an operator to must exist. */
class UnavailableRepliesTest {

  @Test
  void everyDpemCommandNamedInAnUnavailableReplyExists() {
    OperatorAdminBackend backend = new OperatorAdminBackend((Supplier<Operator>) () -> null);
    var names = new CommandLine(new DpemCommand()).getSubcommands().keySet();
    for (Throwable t : new Throwable[] {
        catchThrowable(() -> backend.training().toCompletableFuture().join()),
        catchThrowable(() -> backend.federation().toCompletableFuture().join())}) {
      String message = t.getCause() != null ? t.getCause().getMessage() : t.getMessage();
      Matcher m = Pattern.compile("'dpem ([a-z-]+)").matcher(message);
      while (m.find()) {
        assertThat(names).as(message).contains(m.group(1));
      }
    }
  }
}
