package org.dpem.sim.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams, one per component, each derived from the run's seed and the
 * component's name only. Adding a component therefore never shifts the numbers another
 * component draws, so results stay comparable when a topology grows.
 */
public final class RandomStreams {
  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A fresh stream for {@code component}; the same name always gives the same sequence. */
  public SplittableRandom stream(String component) {
    return new SplittableRandom(mix64(seed ^ mix64(fnv1a64(component))));
  }

  /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike {@code String.hashCode} tricks. */
  static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser, so nearby seeds give unrelated streams. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
