package org.dpem.controller.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.controller.train.LearningCurve;
import org.dpem.controller.train.Trainer;

/**
 * A policy trained by {@code dpem train}, as an experiment evaluates it: the checkpoint, and the
 * seeds it saw in training and validation, which must not be among the evaluation seeds.
 *
 * @param dir the training directory ({@value DpemPolicy#CHECKPOINT}, {@value Trainer#CURVE_CSV})
 * @param seenSeeds every training and validation seed of its learning curve
 */
public record TrainedPolicy(Path dir, Set<Long> seenSeeds) {
  public TrainedPolicy {
    seenSeeds = Set.copyOf(seenSeeds);
  }

  /**
   * Reads {@code dir}. The learning curve is required: without it nothing shows which seeds the
   * policy was trained on, and a policy evaluated on its training seeds proves nothing.
   */
  public static TrainedPolicy read(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(DpemPolicy.CHECKPOINT))) {
      throw new IOException(dir + ": no " + DpemPolicy.CHECKPOINT + " (the output of dpem train --out)");
    }
    Path curve = dir.resolve(Trainer.CURVE_CSV);
    if (!Files.isRegularFile(curve)) {
      throw new IOException(dir + ": no " + Trainer.CURVE_CSV + ", so its training seeds are unknown");
    }
    Set<Long> seeds = new TreeSet<>();
    for (LearningCurve.Row r : LearningCurve.readCsv(curve).rows()) {
      seeds.add(r.seed());
      if (r.evalSeed() >= 0) {
        seeds.add(r.evalSeed());
      }
    }
    return new TrainedPolicy(dir, seeds);
  }

  /** The evaluation seeds it has seen in training or validation; empty when the two are disjoint. */
  public Set<Long> overlap(Collection<Long> evaluationSeeds) {
    Set<Long> o = new TreeSet<>(evaluationSeeds);
    o.retainAll(seenSeeds);
    return o;
  }

  public Path checkpoint() {
    return dir.resolve(DpemPolicy.CHECKPOINT);
  }
}
