package org.dpem.learning.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The actor-critic networks: tanh MLP bodies (one shared, or one each for policy and value), a
 * linear policy head giving the logits of every categorical head side by side, and a linear
 * value head. Parameters are plain NDArrays owned by one long-lived manager rather than a DJL
 * Block, so that the optimizer state, the flat export and the checkpoint see the same arrays in
 * one fixed order. Weights are stored (in, out) so a layer is {@code x.matMul(w).add(b)}.
 */
final class ActorCritic implements AutoCloseable {
  private static final double HIDDEN_GAIN = Math.sqrt(2.0);
  private static final double POLICY_GAIN = 0.01;
  private static final double VALUE_GAIN = 1.0;

  private record Dense(NDArray weight, NDArray bias) {
    NDArray apply(NDArray x) {
      return x.matMul(weight).add(bias);
    }
  }

  private final NDManager manager;
  private final List<Dense> actorBody = new ArrayList<>();
  private final List<Dense> criticBody = new ArrayList<>();
  private final Dense policyHead;
  private final Dense valueHead;
  private final List<NDArray> parameters = new ArrayList<>();
  private final int parameterCount;

  /** Orthogonal initialization with the usual gains; biases start at zero. */
  ActorCritic(PpoConfig config, NDManager parent, Rng rng) {
    manager = parent.newSubManager();
    int in = config.observationSize();
    for (int h : config.hiddenSizes()) {
      actorBody.add(dense(in, h, HIDDEN_GAIN, rng));
      in = h;
    }
    if (!config.sharedTrunk()) {
      in = config.observationSize();
      for (int h : config.hiddenSizes()) {
        criticBody.add(dense(in, h, HIDDEN_GAIN, rng));
        in = h;
      }
    }
    int last = config.hiddenSizes().get(config.hiddenSizes().size() - 1);
    policyHead = dense(last, config.logitCount(), POLICY_GAIN, rng);
    valueHead = dense(last, 1, VALUE_GAIN, rng);
    long n = 0;
    for (NDArray p : parameters) {
      n += p.size();
    }
    parameterCount = Math.toIntExact(n);
  }

  /**
   * Logits (batch, logitCount) and values (batch). Results belong to {@code obs}'s manager, so a
   * caller that creates {@code obs} on a per-call sub-manager frees everything by closing it.
   */
  NDArray[] forward(NDArray obs) {
    NDArray pi = body(actorBody, obs);
    NDArray vf = criticBody.isEmpty() ? pi : body(criticBody, obs);
    return new NDArray[] {policyHead.apply(pi), valueHead.apply(vf).reshape(-1)};
  }

  private static NDArray body(List<Dense> layers, NDArray x) {
    NDArray h = x;
    for (Dense d : layers) {
      h = d.apply(h).tanh();
    }
    return h;
  }

  /** Every parameter, in the fixed order of the flat vector. */
  List<NDArray> parameters() {
    return Collections.unmodifiableList(parameters);
  }

  int parameterCount() {
    return parameterCount;
  }

  /** All parameters as one vector, in {@link #parameters()} order. */
  float[] exportFlat() {
    float[] out = new float[parameterCount];
    int at = 0;
    for (NDArray p : parameters) {
      float[] v = p.toFloatArray();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  /** Overwrites every parameter in place from a vector made by {@link #exportFlat()}. */
  void importFlat(float[] flat) {
    if (flat.length != parameterCount) {
      throw new IllegalArgumentException("parameter vector has " + flat.length
          + " floats, this network has " + parameterCount);
    }
    int at = 0;
    for (NDArray p : parameters) {
      int n = Math.toIntExact(p.size());
      float[] v = new float[n];
      System.arraycopy(flat, at, v, 0, n);
      p.set(v);
      at += n;
    }
  }

  NDManager manager() {
    return manager;
  }

  private Dense dense(int in, int out, double gain, Rng rng) {
    float[] w = orthogonalTransposed(out, in, gain, rng);
    NDArray weight = manager.create(w, new Shape(in, out));
    NDArray bias = manager.zeros(new Shape(out));
    weight.setRequiresGradient(true);
    bias.setRequiresGradient(true);
    parameters.add(weight);
    parameters.add(bias);
    return new Dense(weight, bias);
  }

  /**
   * PyTorch's {@code orthogonal_} for a (rows, cols) weight, returned transposed as (cols, rows)
   * row-major: QR of a Gaussian matrix (tall orientation), columns of Q signed by diag(R) so the
   * result is uniformly distributed, scaled by the gain.
   */
  static float[] orthogonalTransposed(int rows, int cols, double gain, Rng rng) {
    boolean wide = rows < cols;
    int m = Math.max(rows, cols);
    int n = Math.min(rows, cols);
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = rng.nextGaussian();
      }
    }
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false));
    RealMatrix q = qr.getQ();
    RealMatrix r = qr.getR();
    float[] out = new float[rows * cols];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sign = r.getEntry(j, j) < 0 ? -1.0 : 1.0;
        float v = (float) (q.getEntry(i, j) * sign * gain);
        // tall: W[row=i][col=j]; wide: W = Q^T so W[row=j][col=i]. Store transposed: (cols, rows).
        int row = wide ? j : i;
        int col = wide ? i : j;
        out[col * rows + row] = v;
      }
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
