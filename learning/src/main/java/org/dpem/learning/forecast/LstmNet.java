package org.dpem.learning.forecast;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import org.dpem.learning.DjlRuntime;

/**
 * U independent LSTM cells with linear heads, one per unit, held as stacked weights
 * ({@code W[U, F + n, 4n]}) so that one batched matrix product steps every unit at once while
 * each unit keeps its own weights: unit u's output depends only on W[u], and since Adam is
 * element-wise, W[u]'s update depends only on unit u's loss. DJL's {@code LSTM} block shares one
 * set of weights across the batch, so it cannot be one model per unit and one call per epoch.
 *
 * <p>Native memory: every call works in its own sub-manager, inputs are copied from reused
 * direct staging buffers, and there is one Adam optimizer for the life of the net
 * (NOTES-LIBRARIES.md). Gates are ordered input, forget, cell, output.
 */
final class LstmNet implements AutoCloseable {
  /** Only one GradientCollector may be open per JVM. */
  private static final Object TRAINING = new Object();

  final int units;
  final int features;
  final int hidden;
  final int outputs;
  private final Engine engine;
  private final NDManager params;
  private final NDArray w;
  private final NDArray b;
  private final NDArray wo;
  private final NDArray bo;
  private final Optimizer adam;
  private final Staging stepIn = new Staging();
  private final Staging stepCell = new Staging();
  private final Staging trainIn = new Staging();
  private final Staging trainState = new Staging();
  private final Staging trainTarget = new Staging();

  LstmNet(int units, int features, int hidden, int outputs, double learningRate, long seed) {
    this.units = units;
    this.features = features;
    this.hidden = hidden;
    this.outputs = outputs;
    this.engine = DjlRuntime.engine();
    this.params = engine.newBaseManager();
    SplittableRandom r = new SplittableRandom(seed);
    double k = 1 / Math.sqrt(hidden);
    int in = features + hidden;
    float[] wInit = uniform(r, units * in * 4 * hidden, k);
    float[] bInit = new float[units * 4 * hidden];
    for (int u = 0; u < units; u++) {
      for (int j = 0; j < hidden; j++) {
        bInit[u * 4 * hidden + hidden + j] = 1f; // forget gate open at first: remember by default
      }
    }
    w = param(wInit, new Shape(units, in, 4L * hidden));
    b = param(bInit, new Shape(units, 1, 4L * hidden));
    // the outputs are corrections: a zero head starts from no correction at all
    wo = param(new float[units * hidden * outputs], new Shape(units, hidden, outputs));
    bo = param(new float[units * outputs], new Shape(units, 1, outputs));
    adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
  }

  private NDArray param(float[] init, Shape shape) {
    NDArray a = params.create(init, shape);
    a.setRequiresGradient(true);
    return a;
  }

  private static float[] uniform(SplittableRandom r, int n, double k) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((r.nextDouble() * 2 - 1) * k);
    }
    return a;
  }

  /**
   * One step of every unit. {@code in} holds, per unit, its features then its hidden state
   * ({@code U x (F + n)}), {@code cell} its cell state ({@code U x n}). Returns per unit the new
   * hidden state, the new cell state and the head's outputs ({@code U x (2n + outputs)}).
   */
  float[] step(float[] in, float[] cell) {
    JniUtils.setGradMode(false); // grad mode is per native thread: never build graphs here
    try (NDManager m = params.newSubManager()) {
      NDArray x = stepIn.array(m, in, new Shape(units, 1, features + hidden));
      NDArray c = stepCell.array(m, cell, new Shape(units, 1, hidden));
      NDList hc = cell(x, c);
      NDArray y = hc.get(0).matMul(wo).add(bo);
      return NDArrays.concat(new NDList(hc.get(0), hc.get(1), y), 2).toFloatArray();
    }
  }

  private NDList cell(NDArray xh, NDArray c) {
    NDList gates = xh.matMul(w).add(b).split(4, 2);
    NDArray i = Activation.sigmoid(gates.get(0));
    NDArray f = Activation.sigmoid(gates.get(1));
    NDArray g = Activation.tanh(gates.get(2));
    NDArray o = Activation.sigmoid(gates.get(3));
    NDArray c2 = f.mul(c).add(i.mul(g));
    return new NDList(o.mul(Activation.tanh(c2)), c2);
  }

  /**
   * One Adam step on {@code batch} sequences of {@code steps} epochs per unit: {@code x} is
   * {@code U x B x T x F}, {@code h0} and {@code c0} the states the sequences start from
   * ({@code U x B x n} each), {@code y} the targets after every epoch ({@code U x B x T x
   * outputs}). The loss is the mean squared error. Returns it.
   */
  float train(int batch, int steps, float[] x, float[] h0, float[] c0, float[] y) {
    synchronized (TRAINING) {
      try (NDManager m = params.newSubManager()) {
        NDArray xs = trainIn.array(m, x, new Shape(units, batch, steps, features));
        NDArray target = trainTarget.array(m, y, new Shape(units, (long) batch * steps, outputs));
        float[] hc0 = new float[h0.length + c0.length];
        System.arraycopy(h0, 0, hc0, 0, h0.length);
        System.arraycopy(c0, 0, hc0, h0.length, c0.length);
        NDArray state = trainState.array(m, hc0, new Shape(2, units, batch, hidden));
        float loss;
        try (GradientCollector gc = engine.newGradientCollector()) {
          NDArray h = state.get(0);
          NDArray c = state.get(1);
          NDList inputs = xs.split(steps, 2);
          NDList hs = new NDList(steps);
          for (int t = 0; t < steps; t++) {
            NDArray xt = inputs.get(t).squeeze(2);
            NDList next = cell(NDArrays.concat(new NDList(xt, h), 2), c);
            h = next.get(0);
            c = next.get(1);
            hs.add(h);
          }
          NDArray all = NDArrays.stack(hs, 2).reshape(units, (long) batch * steps, hidden);
          NDArray err = all.matMul(wo).add(bo).sub(target);
          NDArray l = err.mul(err).mean();
          gc.backward(l);
          loss = l.getFloat();
        }
        update("w", w);
        update("b", b);
        update("wo", wo);
        update("bo", bo);
        return loss;
      }
    }
  }

  private void update(String id, NDArray p) {
    try (NDArray g = p.getGradient()) {
      adam.update(id, p, g);
    }
    JniUtils.zeroGrad((PtNDArray) p);
  }

  @Override
  public void close() {
    params.close();
  }
}
