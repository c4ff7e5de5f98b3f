package org.dpem.learning.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The multi-discrete action distribution: one categorical per head, each over its own slice of
 * the logits, restricted to the actions its mask allows. A mask row has one flag per logit;
 * {@code null} masks allow everything. Sampling happens here in Java (double precision, the
 * agent's own random stream) so that it is reproducible from the checkpointed RNG state; the
 * training loss recomputes the same masked log-probabilities on the network side.
 */
final class MaskedHeads {
  /** Added to the logit of a masked action: its probability underflows to exactly 0. */
  static final float MASKED_LOGIT_BIAS = -1e9f;

  private final int[] sizes;
  private final int[] offsets;
  private final int width;
  private final int maxSize;

  MaskedHeads(List<Integer> heads) {
    sizes = heads.stream().mapToInt(Integer::intValue).toArray();
    offsets = new int[sizes.length];
    int at = 0;
    for (int h = 0; h < sizes.length; h++) {
      offsets[h] = at;
      at += sizes[h];
    }
    width = at;
    maxSize = java.util.Arrays.stream(sizes).max().orElse(0);
  }

  int headCount() {
    return sizes.length;
  }

  int width() {
    return width;
  }

  int size(int head) {
    return sizes[head];
  }

  int offset(int head) {
    return offsets[head];
  }

  /** Rejects a mask of the wrong length or with a head that allows no action, naming which. */
  void validate(boolean[] masks, int batch) {
    if (masks == null) {
      return;
    }
    if (masks.length != batch * width) {
      throw new IllegalArgumentException("masks has " + masks.length + " flags, expected "
          + batch + " rows x " + width + " logits = " + batch * width);
    }
    for (int r = 0; r < batch; r++) {
      for (int h = 0; h < sizes.length; h++) {
        boolean any = false;
        for (int a = 0; a < sizes[h] && !any; a++) {
          any = masks[r * width + offsets[h] + a];
        }
        if (!any) {
          throw new IllegalArgumentException("masks row " + r + " head " + h
              + ": every action is masked, so none can be chosen");
        }
      }
    }
  }

  /**
   * Samples one action per head for each row; writes {@code actions[row * heads + head]} and the
   * joint log-probability (sum over heads) of each row.
   */
  void sample(float[] logits, int stride, boolean[] masks, int batch, Rng rng, int[] actions,
      float[] logProbs) {
    double[] weights = new double[maxSize];
    for (int r = 0; r < batch; r++) {
      double logp = 0;
      for (int h = 0; h < sizes.length; h++) {
        int base = r * stride + offsets[h];
        int mbase = r * width + offsets[h];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < sizes[h]; a++) {
          if (allowed(masks, mbase + a)) {
            max = Math.max(max, logits[base + a]);
          }
        }
        double sum = 0;
        for (int a = 0; a < sizes[h]; a++) {
          double e = allowed(masks, mbase + a) ? Math.exp(logits[base + a] - max) : 0.0;
          weights[a] = e;
          sum += e;
        }
        double u = rng.nextDouble() * sum;
        int chosen = -1;
        for (int a = 0; a < sizes[h]; a++) {
          if (weights[a] > 0) { // masked: 0; the most likely action: 1
            chosen = a;
            u -= weights[a];
            if (u < 0) {
              break;
            }
          }
        }
        actions[r * sizes.length + h] = chosen;
        logp += logits[base + chosen] - max - Math.log(sum);
      }
      logProbs[r] = (float) logp;
    }
  }

  /** The most probable allowed action per head (lowest index on ties). */
  void argmax(float[] logits, int stride, boolean[] masks, int batch, int[] actions) {
    for (int r = 0; r < batch; r++) {
      for (int h = 0; h < sizes.length; h++) {
        int base = r * stride + offsets[h];
        int best = -1;
        for (int a = 0; a < sizes[h]; a++) {
          if (allowed(masks, r * width + offsets[h] + a)
              && (best < 0 || logits[base + a] > logits[base + best])) {
            best = a;
          }
        }
        actions[r * sizes.length + h] = best;
      }
    }
  }

  /** Writes the additive mask (0 or {@link #MASKED_LOGIT_BIAS}) for the given rows. */
  void writeBias(boolean[] masks, int[] rows, int from, int to, FloatBuffer out) {
    for (int i = from; i < to; i++) {
      int base = rows[i] * width;
      for (int k = 0; k < width; k++) {
        out.put(allowed(masks, base + k) ? 0f : MASKED_LOGIT_BIAS);
      }
    }
  }

  /** Writes a one-hot row per head (so a row sums to the head count) for the given rows. */
  void writeOneHot(int[] actions, int[] rows, int from, int to, FloatBuffer out) {
    for (int i = from; i < to; i++) {
      int start = out.position();
      for (int k = 0; k < width; k++) {
        out.put(0f);
      }
      for (int h = 0; h < sizes.length; h++) {
        out.put(start + offsets[h] + actions[rows[i] * sizes.length + h], 1f);
      }
    }
  }

  private static boolean allowed(boolean[] masks, int i) {
    return masks == null || masks[i];
  }

  /**
   * Per-logit log-probabilities (batch, width) of the masked distribution, on the network side:
   * a log-softmax over each head's slice of {@code logits + bias}, where {@code bias} comes from
   * {@link #writeBias}. A masked entry's probability is exactly 0, so it adds nothing to the
   * entropy ({@code 0 * -1e9 = 0}, where a true -inf would give NaN) and gets no gradient.
   */
  NDArray logProbabilities(NDArray logits, NDArray bias) {
    NDArray masked = logits.add(bias);
    if (sizes.length == 1) {
      return masked.logSoftmax(1);
    }
    NDList parts = new NDList(sizes.length);
    for (int h = 0; h < sizes.length; h++) {
      parts.add(masked.get(new NDIndex(":, {}:{}", offsets[h], offsets[h] + sizes[h]))
          .logSoftmax(1));
    }
    return NDArrays.concat(parts, 1);
  }
}
