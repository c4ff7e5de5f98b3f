package org.dpem.learning;

import ai.djl.engine.Engine;

/**
 * The one place that prepares DJL's PyTorch engine for this project: offline (no model or
 * library download may ever be attempted from a lab controller), and one intra-op and one
 * inter-op thread, because with PyTorch's default of one thread per core the p99 of a batched
 * inference rose from under 1 ms to about 50 ms as soon as another process used the CPU
 * (NOTES-LIBRARIES.md). The properties only take effect if set before the engine loads, so every
 * entry point calls {@link #engine()} rather than {@code Engine.getInstance()}.
 */
public final class DjlRuntime {
  private DjlRuntime() {}

  /** The PyTorch engine, loaded with this project's settings on first use. */
  public static synchronized Engine engine() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    return Engine.getEngine("PyTorch");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
