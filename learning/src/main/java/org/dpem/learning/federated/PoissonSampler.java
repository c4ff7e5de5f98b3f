package org.dpem.learning.federated;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Poisson sampling: each agent takes part independently with probability q, so the number of
 * participants varies round to round. The privacy amplification the accountant credits assumes
 * exactly this, drawn from a source an adversary cannot predict, hence a {@link SecureRandom}.
 */
public final class PoissonSampler {
  private final double q;
  private final SecureRandom random;

  public PoissonSampler(double q, SecureRandom random) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("sampling rate must be in (0, 1], got " + q);
    }
    this.q = q;
    this.random = random;
  }

  /** The agents chosen for one round, in the order given. */
  public List<String> sample(Collection<String> agents) {
    List<String> out = new ArrayList<>();
    for (String a : agents) {
      if (q == 1 || random.nextDouble() < q) {
        out.add(a);
      }
    }
    return out;
  }
}
