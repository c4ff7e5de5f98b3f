package org.dpem.controller.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A TCP relay in front of a broker that counts the bytes crossing it: MQTT as it is on the wire. */
final class CountingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicLong up = new AtomicLong();
  private final AtomicLong down = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  CountingProxy(int brokerPort) throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
          client.setTcpNoDelay(true);
          broker.setTcpNoDelay(true);
          sockets.add(client);
          sockets.add(broker);
          pump(client.getInputStream(), broker.getOutputStream(), up);
          pump(broker.getInputStream(), client.getOutputStream(), down);
        } catch (IOException e) {
          return;
        }
      }
    }, "proxy accept");
    accept.setDaemon(true);
    accept.start();
  }

  private static void pump(InputStream in, OutputStream out, AtomicLong count) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
          count.addAndGet(n);
        }
      } catch (IOException ignored) {
        // connection closed
      }
    }, "proxy pump");
    t.setDaemon(true);
    t.start();
  }

  String url() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Bytes clients sent to the broker plus bytes the broker sent to clients. */
  long total() {
    return up.get() + down.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
