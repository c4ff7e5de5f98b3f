package org.dpem.learning.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A reused direct buffer for moving floats into a native array. DJL's {@code create(float[])}
 * allocates a direct buffer per call that only the garbage collector frees; a direct
 * {@link ByteBuffer} in native order is handed to PyTorch as it is. One staging buffer per
 * input of a call, since the array may read it for as long as it lives.
 */
final class Staging {
  private ByteBuffer buf;

  NDArray array(NDManager m, float[] values, Shape shape) {
    int bytes = values.length * Float.BYTES;
    if (buf == null || buf.capacity() < bytes) {
      buf = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
    buf.clear();
    buf.asFloatBuffer().put(values);
    buf.limit(bytes);
    return m.create(buf, shape, DataType.FLOAT32);
  }
}
