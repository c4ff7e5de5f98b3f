package org.dpem.learning.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable native-order direct buffer for one kind of input. {@code NDManager.create(float[])}
 * allocates a fresh direct buffer per call that only the garbage collector frees; a direct
 * ByteBuffer handed to the PyTorch manager is used as is. Only reuse it once the arrays made
 * from it are closed (each call closes its sub-manager before the next call fills it again).
 */
final class Staging {
  private ByteBuffer bytes = ByteBuffer.allocateDirect(0);
  private FloatBuffer floats = bytes.asFloatBuffer();
  private int count;

  /** An empty float view with room for {@code n} floats; fill it, then call {@link #array}. */
  FloatBuffer open(int n) {
    if (bytes.capacity() < 4 * n) {
      bytes = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
      floats = bytes.asFloatBuffer();
    }
    count = n;
    floats.clear();
    return floats;
  }

  /** The floats written since {@link #open} as an array of {@code shape} on {@code manager}. */
  NDArray array(NDManager manager, Shape shape) {
    if (shape.size() != count) {
      throw new IllegalStateException("shape " + shape + " does not hold " + count + " floats");
    }
    bytes.clear();
    bytes.limit(4 * count);
    return manager.create(bytes, shape, DataType.FLOAT32);
  }

  /** Shorthand: stage {@code n} floats of {@code src} from {@code offset}. */
  NDArray array(NDManager manager, Shape shape, float[] src, int offset, int n) {
    open(n).put(src, offset, n);
    return array(manager, shape);
  }
}
