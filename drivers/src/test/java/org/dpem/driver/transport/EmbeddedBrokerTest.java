package org.dpem.driver.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EmbeddedBrokerTest {

  @Test
  void aTakenPortIsOneMessageAndMoquetteLogsNoStackTrace() throws Exception {
    Logger moquette = (Logger) LoggerFactory.getLogger("io.moquette");
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    moquette.addAppender(seen);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> EmbeddedBroker.start(taken.getLocalPort(), BrokerAccess.anyone()))
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort() + " is taken");
    } finally {
      moquette.detachAppender(seen);
    }
    assertThat(seen.list).noneMatch(e -> e.getThrowableProxy() != null);
  }
}
