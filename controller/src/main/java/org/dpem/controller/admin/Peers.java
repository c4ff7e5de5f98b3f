package org.dpem.controller.admin;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How a connection's far end is named in logs. */
final class Peers {
  private Peers() {}

  static String of(Channel ch) {
    SocketAddress a = ch.remoteAddress();
    if (a instanceof InetSocketAddress in && in.getAddress() != null) {
      return in.getAddress().getHostAddress() + ":" + in.getPort();
    }
    return String.valueOf(a);
  }
}
