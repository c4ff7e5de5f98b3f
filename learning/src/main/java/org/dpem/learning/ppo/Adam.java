package org.dpem.learning.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (PyTorch's formulation, no weight decay) over the network's parameter arrays. Written
 * here rather than taken from DJL because DJL's optimizers keep their moments private, so a
 * checkpoint could not hold them and a resumed run would take different steps; and because
 * re-creating a DJL optimizer leaks native memory (NOTES-LIBRARIES.md). One instance per network.
 */
final class Adam implements AutoCloseable {
  private final List<NDArray> parameters;
  private final NDManager manager;
  private final List<NDArray> firstMoments = new ArrayList<>();
  private final List<NDArray> secondMoments = new ArrayList<>();
  private final double beta1;
  private final double beta2;
  private final double eps;
  private long step;

  Adam(List<NDArray> parameters, NDManager parent, double beta1, double beta2, double eps) {
    this.parameters = List.copyOf(parameters);
    this.manager = parent.newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    for (NDArray p : parameters) {
      firstMoments.add(manager.zeros(p.getShape()));
      secondMoments.add(manager.zeros(p.getShape()));
    }
  }

  /**
   * One step with {@code gradients} (same order as the parameters) multiplied by
   * {@code gradScale} (the norm clip). Temporaries go to {@code scratch}, which the caller
   * closes; the long-lived arrays are attached to it only for the step, so nothing they produce
   * outlives it. Must run with grad mode off.
   */
  void step(List<NDArray> gradients, double learningRate, double gradScale, NDManager scratch) {
    step++;
    double bias1 = 1.0 - Math.pow(beta1, step);
    double bias2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, step));
    double stepSize = learningRate / bias1;
    for (int i = 0; i < parameters.size(); i++) {
      NDArray p = parameters.get(i);
      NDArray m = firstMoments.get(i);
      NDArray v = secondMoments.get(i);
      scratch.tempAttachAll(p, m, v);
      NDArray g = gradients.get(i);
      if (gradScale != 1.0) {
        g = g.mul(gradScale);
      }
      m.muli(beta1).addi(g.mul(1.0 - beta1));
      v.muli(beta2).addi(g.square().mul(1.0 - beta2));
      NDArray denom = v.sqrt().div(bias2Sqrt).add(eps);
      p.subi(m.div(denom).mul(stepSize));
    }
  }

  long stepCount() {
    return step;
  }

  /** First moments then second moments, each in parameter order. */
  float[] exportState() {
    int n = 0;
    for (NDArray m : firstMoments) {
      n += Math.toIntExact(m.size());
    }
    float[] out = new float[2 * n];
    int at = 0;
    for (List<NDArray> moments : List.of(firstMoments, secondMoments)) {
      for (NDArray a : moments) {
        float[] v = a.toFloatArray();
        System.arraycopy(v, 0, out, at, v.length);
        at += v.length;
      }
    }
    return out;
  }

  void importState(float[] state, long stepCount) {
    int at = 0;
    for (List<NDArray> moments : List.of(firstMoments, secondMoments)) {
      for (NDArray a : moments) {
        int n = Math.toIntExact(a.size());
        if (at + n > state.length) {
          throw new IllegalArgumentException("optimizer state too short: " + state.length);
        }
        float[] v = new float[n];
        System.arraycopy(state, at, v, 0, n);
        a.set(v);
        at += n;
      }
    }
    if (at != state.length) {
      throw new IllegalArgumentException("optimizer state has " + state.length
          + " floats, expected " + at);
    }
    step = stepCount;
  }

  @Override
  public void close() {
    manager.close();
  }
}
