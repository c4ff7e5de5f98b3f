package org.dpem.driver;

import java.nio.file.Path;
import java.util.Objects;
import javax.net.SocketFactory;

/** Where a device is reached: a serial port or an MQTT broker with a topic prefix. */
public sealed interface Endpoint {

  /** For messages: "serial /dev/ttyUSB0" or "mqtt tcp://host:1883 prefix dpem". */
  String describe();

  /**
   * A serial port by explicit path ({@code /dev/ttyUSB0}, {@code /dev/pts/N}, a socat link).
   *
   * @param path the port
   * @param baud line speed (ignored by ptys)
   */
  record Serial(Path path, int baud) implements Endpoint {
    public Serial {
      Objects.requireNonNull(path, "path");
    }

    public static Serial of(String path) {
      return new Serial(Path.of(path), 115_200);
    }

    @Override
    public String describe() {
      return "serial " + path;
    }
  }

  /**
   * An MQTT broker.
   *
   * @param url {@code tcp://host:port} or {@code ssl://host:port}
   * @param topicPrefix e.g. {@code dpem}; device topics are {@code PREFIX/DEVICE/...}
   * @param username optional
   * @param password optional
   * @param tls optional socket factory for {@code ssl://} (e.g. with a private trust store)
   */
  record Mqtt(String url, String topicPrefix, String username, char[] password, SocketFactory tls)
      implements Endpoint {
    public Mqtt {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(topicPrefix, "topicPrefix");
    }

    public static Mqtt of(String url, String topicPrefix) {
      return new Mqtt(url, topicPrefix, null, null, null);
    }

    @Override
    public String describe() {
      return "mqtt " + url + " prefix " + topicPrefix;
    }
  }
}
