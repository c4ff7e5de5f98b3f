package org.dpem.controller.policy.dpem;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.StockOrder;
import org.dpem.controller.reserve.Claim;

/** Uniformly random over the DPEM agents' allowed actions: the floor a learned policy must clear. */
final class RandomPolicy implements AllocationPolicy {
  private final SplittableRandom random;
  private NodeEncoding encoding;
  private Credit credit;
  private float[] obs;
  private boolean[] masks;

  RandomPolicy(long seed) {
    random = new SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Decision decide(EpochView view) {
    if (encoding == null) {
      encoding = new NodeEncoding(view.model());
      credit = new Credit(view.model());
      obs = new float[encoding.rows() * NodeEncoding.OBSERVATION_SIZE];
      masks = new boolean[encoding.rows() * NodeEncoding.LOGITS];
    }
    encoding.encode(view, obs, masks);
    List<Integer> heads = NodeEncoding.heads();
    int[] actions = new int[encoding.rows() * NodeEncoding.HEADS];
    for (int row = 0; row < encoding.rows(); row++) {
      int offset = row * NodeEncoding.LOGITS;
      for (int h = 0; h < heads.size(); h++) {
        int allowed = 0;
        for (int k = 0; k < heads.get(h); k++) {
          allowed += masks[offset + k] ? 1 : 0;
        }
        int pick = random.nextInt(allowed);
        for (int k = 0; k < heads.get(h); k++) {
          if (masks[offset + k] && pick-- == 0) {
            actions[row * NodeEncoding.HEADS + h] = k;
            break;
          }
        }
        offset += heads.get(h);
      }
    }
    List<Claim> claims = new ArrayList<>();
    List<StockOrder> stock = new ArrayList<>();
    encoding.decide(actions, claims, stock, credit);
    return new Decision(claims, stock);
  }
}
