package org.dpem.learning.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The actor-critic networks: tanh MLP bodies (one shared, or one each for policy and value), a
 * linear policy head giving the logits of every categorical head side by side, and a linear
 * value head. Weights are stored (in, out) so a layer is {@code x.matMul(w).add(b)}.
 *
 * <p>All parameters live in one flat leaf vector and each layer's weight and bias are views of
 * it. Every native call costs a few microseconds through DJL, so the optimizer, the gradient norm
 * and the flat export each work on one array instead of one per layer (measured: Adam over 12
 * separate arrays cost about two thirds of the forward and backward passes; over one, a fifth). Inference uses views
 * made once with grad mode off; a training forward slices fresh views inside the gradient
 * collector, so the gradient flows back to the flat vector.
 */
final class ActorCritic implements AutoCloseable {
  private static final double HIDDEN_GAIN = Math.sqrt(2.0);
  private static final double POLICY_GAIN = 0.01;
  private static final double VALUE_GAIN = 1.0;

  /** Where one layer sits in the flat vector. */
  private record Slot(int weightAt, int in, int out) {
    int biasAt() {
      return weightAt + in * out;
    }

    int end() {
      return biasAt() + out;
    }
  }

  private final NDManager manager;
  private final List<Slot> actorBody = new ArrayList<>();
  private final List<Slot> criticBody = new ArrayList<>();
  private final Slot policyHead;
  private final Slot valueHead;
  private final int parameterCount;
  private final NDArray flat;
  private final List<Slot> slots;
  private final NDArray[] inferenceViews;

  /** Orthogonal initialization with the usual gains; biases start at zero. */
  ActorCritic(PpoConfig config, NDManager parent, Rng rng) {
    List<Slot> all = new ArrayList<>();
    int at = layOut(actorBody, config, all, 0);
    if (!config.sharedTrunk()) {
      at = layOut(criticBody, config, all, at);
    }
    int in = config.hiddenSizes().get(config.hiddenSizes().size() - 1);
    policyHead = new Slot(at, in, config.logitCount());
    valueHead = new Slot(policyHead.end(), in, 1);
    all.add(policyHead);
    all.add(valueHead);
    parameterCount = valueHead.end();

    float[] init = new float[parameterCount];
    for (Slot s : all) {
      double gain = s == policyHead ? POLICY_GAIN : s == valueHead ? VALUE_GAIN : HIDDEN_GAIN;
      float[] w = orthogonalTransposed(s.out(), s.in(), gain, rng);
      System.arraycopy(w, 0, init, s.weightAt(), w.length);
    }
    manager = parent.newSubManager();
    flat = manager.create(init);
    flat.setRequiresGradient(true);
    slots = List.copyOf(all);
    inferenceViews = new NDArray[2 * slots.size()];
    makeInferenceViews();
  }

  /** Lays out one body's hidden layers from flat index {@code at}; returns where it ends. */
  private static int layOut(List<Slot> body, PpoConfig config, List<Slot> all, int at) {
    int in = config.observationSize();
    for (int h : config.hiddenSizes()) {
      Slot s = new Slot(at, in, h);
      body.add(s);
      all.add(s);
      at = s.end();
      in = h;
    }
    return at;
  }

  /**
   * (Re)makes the cached views. {@code NDArray.set} swaps the tensor's storage rather than
   * copying into it, so after an import the old views would still show the old values.
   */
  private void makeInferenceViews() {
    // Views made in grad mode would record the slicing for autograd: make them with it off.
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (int i = 0; i < slots.size(); i++) {
        for (int k = 0; k < 2; k++) {
          NDArray old = inferenceViews[2 * i + k];
          if (old != null) {
            old.close();
          }
        }
        inferenceViews[2 * i] = weight(flat, slots.get(i), manager);
        inferenceViews[2 * i + 1] = bias(flat, slots.get(i), manager);
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /**
   * Logits (batch, logitCount) and values (batch). Results belong to {@code obs}'s manager, so a
   * caller that creates {@code obs} on a per-call sub-manager frees everything by closing it.
   * With {@code training}, the layers are sliced afresh from the flat vector so that a backward
   * pass reaches it; otherwise the cached views serve.
   */
  NDArray[] forward(NDArray obs, boolean training) {
    NDManager m = obs.getManager();
    NDArray pi = body(actorBody, obs, training);
    NDArray vf = criticBody.isEmpty() ? pi : body(criticBody, obs, training);
    NDArray logits = layer(policyHead, pi, training, m);
    NDArray value = layer(valueHead, vf, training, m);
    return new NDArray[] {logits, value.reshape(-1)};
  }

  private NDArray body(List<Slot> layers, NDArray x, boolean training) {
    NDArray h = x;
    for (Slot s : layers) {
      h = layer(s, h, training, x.getManager()).tanh();
    }
    return h;
  }

  private NDArray layer(Slot s, NDArray x, boolean training, NDManager m) {
    int i = slots.indexOf(s);
    NDArray w = training ? weight(flat, s, m) : inferenceViews[2 * i];
    NDArray b = training ? bias(flat, s, m) : inferenceViews[2 * i + 1];
    return x.matMul(w).add(b);
  }

  private static NDArray weight(NDArray flat, Slot s, NDManager m) {
    return flat.get(m, new NDIndex("{}:{}", s.weightAt(), s.biasAt())).reshape(s.in(), s.out());
  }

  private static NDArray bias(NDArray flat, Slot s, NDManager m) {
    return flat.get(m, new NDIndex("{}:{}", s.biasAt(), s.end()));
  }

  /**
   * Switches autograd recording off for the calling thread. Grad mode is per native thread and
   * PyTorch only turns it off on the thread that loaded the engine: elsewhere inference would
   * silently build graphs, and the optimizer's in-place step on the leaf would be refused.
   */
  static void gradModeOffOnThisThread() {
    if (JniUtils.isGradMode()) {
      JniUtils.setGradMode(false);
    }
  }

  /** The one leaf parameter array: every weight and bias, in the flat-vector order. */
  NDArray flat() {
    return flat;
  }

  int parameterCount() {
    return parameterCount;
  }

  /** All parameters as one vector. */
  float[] exportFlat() {
    return flat.toFloatArray();
  }

  /** Overwrites every parameter in place (the views follow) from {@link #exportFlat()}'s form. */
  void importFlat(float[] values) {
    if (values.length != parameterCount) {
      throw new IllegalArgumentException("parameter vector has " + values.length
          + " floats, this network has " + parameterCount);
    }
    flat.set(values);
    makeInferenceViews();
  }

  NDManager manager() {
    return manager;
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
