package org.dpem.learning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {
  @Test
  void thePyTorchEngineLoadsOfflineAndComputes() {
    assertThat(DjlRuntime.engine().getEngineName()).isEqualTo("PyTorch");
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    try (NDManager m = DjlRuntime.engine().newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3});
      assertThat(a.mul(2).sum().getFloat()).isEqualTo(12f);
    }
  }
}
