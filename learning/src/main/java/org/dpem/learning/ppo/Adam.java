package org.dpem.learning.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam (PyTorch's formulation, no weight decay) over the network's flat parameter vector.
 * Written here rather than taken from DJL because DJL's optimizers keep their moments private, so
 * a checkpoint could not hold them and a resumed run would take different steps; and because
 * re-creating a DJL optimizer leaks native memory (NOTES-LIBRARIES.md). One instance per network.
 */
final class Adam implements AutoCloseable {
  private final NDArray parameters;
  private final NDManager manager;
  private final NDArray firstMoment;
  private final NDArray secondMoment;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private long step;

  Adam(NDArray parameters, NDManager parent, double beta1, double beta2, double eps) {
    this.parameters = parameters;
    this.manager = parent.newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    firstMoment = manager.zeros(parameters.getShape());
    secondMoment = manager.zeros(parameters.getShape());
  }

  /**
   * One step with {@code gradient} multiplied by {@code gradScale} (the norm clip). Temporaries
   * go to {@code scratch}, which the caller closes; the long-lived arrays are attached to it only
   * for the step, so nothing they produce outlives it. Must run with grad mode off.
   */
  void step(NDArray gradient, double learningRate, double gradScale, NDManager scratch) {
    step++;
    double bias1 = 1.0 - Math.pow(beta1, step);
    double bias2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, step));
    double stepSize = learningRate / bias1;
    scratch.tempAttachAll(parameters, firstMoment, secondMoment);
    NDArray g = gradScale == 1.0 ? gradient : gradient.mul(gradScale);
    firstMoment.muli(beta1).addi(g.mul(1.0 - beta1));
    secondMoment.muli(beta2).addi(g.square().mul(1.0 - beta2));
    NDArray denom = secondMoment.sqrt().div(bias2Sqrt).add(eps);
    parameters.subi(firstMoment.div(denom).mul(stepSize));
  }

  long stepCount() {
    return step;
  }

  /** The first moments then the second moments. */
  float[] exportState() {
    float[] m = firstMoment.toFloatArray();
    float[] v = secondMoment.toFloatArray();
    float[] out = new float[m.length + v.length];
    System.arraycopy(m, 0, out, 0, m.length);
    System.arraycopy(v, 0, out, m.length, v.length);
    return out;
  }

  void importState(float[] state, long stepCount) {
    int n = Math.toIntExact(firstMoment.size());
    if (state.length != 2 * n) {
      throw new IllegalArgumentException("optimizer state has " + state.length
          + " floats, expected " + 2 * n);
    }
    float[] m = new float[n];
    float[] v = new float[n];
    System.arraycopy(state, 0, m, 0, n);
    System.arraycopy(state, n, v, 0, n);
    firstMoment.set(m);
    secondMoment.set(v);
    step = stepCount;
  }

  @Override
  public void close() {
    manager.close();
  }
}
