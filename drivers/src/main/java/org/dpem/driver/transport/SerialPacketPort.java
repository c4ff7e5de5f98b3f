package org.dpem.driver.transport;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dpem.protocol.DecodeCounters;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.FrameDecoder;
import org.dpem.protocol.FrameEncoder;
import org.dpem.protocol.Packet;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.PacketHandler;
import org.dpem.protocol.message.Message;

/**
 * FWP/1 over a serial port: COBS frames delimited by 0x00. When the port vanishes the port reports
 * down and tries to reopen the same path every {@code reopenInterval} until it returns (a
 * re-plugged USB adapter or a restarted socat), then reports up again.
 */
public final class SerialPacketPort implements PacketPort {
  private final SerialSettings settings;
  private final FrameDecoder decoder;
  private final Duration reopenInterval;
  private final ScheduledExecutorService reopener;
  private volatile Receiver receiver;
  private volatile SerialLink link;
  private volatile boolean closed;
  private String lastOpenError = "";

  public SerialPacketPort(SerialSettings settings, PacketCodec codec, Duration reopenInterval) {
    this.settings = settings;
    this.reopenInterval = reopenInterval;
    this.decoder = new FrameDecoder(codec, new PacketHandler() {
      @Override
      public void onPacket(Packet packet) {
        receiver.onPacket(packet);
      }

      @Override
      public void onReject(DecodeResult.Rejected rejected) {
        receiver.onReject(rejected);
      }
    });
    this.reopener = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "serial-reopen " + settings.path());
      t.setDaemon(true);
      return t;
    });
  }

  public SerialPacketPort(SerialSettings settings, PacketCodec codec) {
    this(settings, codec, Duration.ofMillis(100));
  }

  @Override
  public void start(Receiver r) {
    this.receiver = r;
    reopener.execute(this::tryOpen);
  }

  /** Opens the port now, on the caller's thread; throws if it cannot (then keeps trying). */
  public void startNow(Receiver r) throws LinkDownException {
    this.receiver = r;
    try {
      open();
    } catch (LinkDownException e) {
      reopener.schedule(this::tryOpen, reopenInterval.toNanos(), TimeUnit.NANOSECONDS);
      throw e;
    }
  }

  private synchronized void open() throws LinkDownException {
    if (closed || (link != null && link.isUp())) {
      return;
    }
    synchronized (decoder) {
      decoder.reset();
    }
    link = SerialLink.open(settings, new SerialLink.Listener() {
      @Override
      public void onBytes(byte[] data) {
        // one jssc event thread per port feeds the decoder; the lock only orders it against reset
        synchronized (decoder) {
          decoder.feed(data);
        }
      }

      @Override
      public void onLost(String reason) {
        if (closed) {
          return;
        }
        receiver.onDown(reason);
        reopener.schedule(SerialPacketPort.this::tryOpen, reopenInterval.toNanos(),
            TimeUnit.NANOSECONDS);
      }
    });
    lastOpenError = "";
    receiver.onUp();
  }

  private void tryOpen() {
    if (closed) {
      return;
    }
    try {
      open();
    } catch (LinkDownException e) {
      lastOpenError = e.getMessage();
      try {
        reopener.schedule(this::tryOpen, reopenInterval.toNanos(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException ignored) {
        // closed meanwhile
      }
    }
  }

  /** Why the last attempt to open failed, or empty. */
  public String lastOpenError() {
    return lastOpenError;
  }

  @Override
  public void send(Message message, byte[] packet) throws LinkDownException {
    SerialLink l = link;
    if (l == null || !l.isUp()) {
      throw new LinkDownException("serial port " + settings.path() + " is down"
          + (lastOpenError.isEmpty() ? "" : " (" + lastOpenError + ")"));
    }
    l.write(FrameEncoder.frame(packet));
  }

  @Override
  public boolean isUp() {
    SerialLink l = link;
    return l != null && l.isUp();
  }

  @Override
  public DecodeCounters counters() {
    return decoder.counters();
  }

  @Override
  public String describe() {
    return "serial " + settings.path();
  }

  @Override
  public void close() {
    closed = true;
    reopener.shutdownNow();
    SerialLink l = link;
    if (l != null) {
      l.close();
    }
  }
}
