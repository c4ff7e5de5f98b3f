package org.dpem.protocol;

/** Well-known values of the header's {@code src} and {@code dst} bytes. */
public final class Addresses {
  private Addresses() {}

  /** The host (controller side). */
  public static final int HOST = 0x00;

  /** Every device on the link (a device answers a broadcast HELLO with its own address). */
  public static final int BROADCAST = 0xFF;
}
