package org.dpem.controller.admin;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How a connection's far end is named in logs, and keyed for the auth lockout. */
final class Peers {
  private Peers() {}

  static String of(Channel ch) {
    SocketAddress a = ch.remoteAddress();
    if (a instanceof InetSocketAddress in && in.getAddress() != null) {
      return in.getAddress().getHostAddress() + ":" + in.getPort();
    }
    return String.valueOf(a);
  }

  /** The peer's host: failures from one host count together whatever its source port. */
  static String host(Channel ch) {
    SocketAddress a = ch.remoteAddress();
    if (a instanceof InetSocketAddress in) {
      InetAddress addr = in.getAddress();
      return addr != null ? addr.getHostAddress() : in.getHostString();
    }
    return String.valueOf(a);
  }
}
