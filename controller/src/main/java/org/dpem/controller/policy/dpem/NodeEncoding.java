package org.dpem.controller.policy.dpem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.NodeForecast;
import org.dpem.controller.policy.NodeView;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.policy.ResourceView;
import org.dpem.controller.policy.StockOrder;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.LinkInfo;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.NodeInfo;

/**
 * Turns one epoch's view into one observation row and one action-mask row per node, and the
 * chosen actions back into a decision. A row holds only what its node knows locally: its own
 * free resources and capacities, its forecast, its own pending requests (the
 * {@link #REQUEST_SLOTS} earliest deadlines; the others wait) with their first {@link #PATHS}
 * candidate paths (and whether its own claim on a path was refused while the request waits: it
 * claimed, and the request is still waiting), and the links it generates for (the first
 * {@link #LINK_SLOTS}); never the global ledger or another node's requests. Features are scaled
 * to order 1.
 *
 * <p>Heads: per request slot one categorical over {@code 1 + PATHS x RATE_LEVELS.length}
 * actions (0 waits; then path i at rate level k), per link slot one over
 * {@link #STOCK_LEVELS} (stock 0, 1, 2 or 3 pairs). Only the generating end of a link orders its
 * stock, so no two agents order the same link. A masked action is one that cannot be carried
 * out: an empty slot, a missing path, a rate level that, clipped to the path's capacity and to
 * what the node's own free resources carry, falls below the request's least useful rate, a node
 * that cannot take allocations, a stock above the node's free slots or half its memory.
 *
 * <p>Each claim goes to the reservation with the node's other allowed paths for the request as
 * {@linkplain org.dpem.controller.reserve.Claim#fallback fallbacks}, so that a claim that
 * collides with another node's is not lost for the epoch when another path has room.
 */
final class NodeEncoding {
  static final int REQUEST_SLOTS = 4;
  /**
   * Candidate paths seen per request: all that paper-100 computes ({@code k_paths} 4). With 2,
   * a request whose first two paths were full waited where greedy took the third: the teacher
   * delivered 0.437 on training seeds 101-103 (300 s) against 0.451 with 4 (greedy 0.453).
   */
  static final int PATHS = 4;
  /** Claimed rates, as multiples of the request's {@link PendingRequest#targetRate}. */
  static final double[] RATE_LEVELS = {0.5, 1, 2};
  static final int LINK_SLOTS = 4;
  static final int STOCK_LEVELS = 4;
  /** The largest share of a node's memory slots one stock may ask for (as predictive-greedy). */
  static final double MAX_STOCK_SHARE = 0.5;

  static final int NODE_FEATURES = 12;
  static final int PATH_FEATURES = 6;
  static final int REQUEST_FEATURES = 5 + PATHS * PATH_FEATURES;
  static final int LINK_FEATURES = 6;
  static final int OBSERVATION_SIZE = NODE_FEATURES + REQUEST_SLOTS * REQUEST_FEATURES
      + LINK_SLOTS * LINK_FEATURES;
  static final int REQUEST_ACTIONS = 1 + PATHS * RATE_LEVELS.length;
  static final int LOGITS = REQUEST_SLOTS * REQUEST_ACTIONS + LINK_SLOTS * STOCK_LEVELS;
  static final int HEADS = REQUEST_SLOTS + LINK_SLOTS;

  /** The action heads, request slots first. */
  static List<Integer> heads() {
    List<Integer> h = new ArrayList<>(HEADS);
    for (int s = 0; s < REQUEST_SLOTS; s++) {
      h.add(REQUEST_ACTIONS);
    }
    for (int s = 0; s < LINK_SLOTS; s++) {
      h.add(STOCK_LEVELS);
    }
    return List.copyOf(h);
  }

  private final NetworkModel model;
  /** Per node, the links it generates for, in link order (at most LINK_SLOTS used). */
  private final int[][] generated;
  private final PendingRequest[][] slots;
  /** Per node, slot and path action: the rate {@link #encode} found claimable (0: masked). */
  private final double[][] rates;
  /** Request id to the candidate path its node claimed for it in the last decision. */
  private final Map<Long, Integer> claimedLast = new HashMap<>();
  /**
   * Request id to the paths on which a claim of its node was refused: the node knows its own
   * request is still waiting after it claimed, so no view of other nodes is needed for this.
   */
  private final Map<Long, boolean[]> refused = new HashMap<>();

  NodeEncoding(NetworkModel model) {
    this.model = model;
    int n = model.nodeCount();
    List<List<Integer>> gen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      gen.add(new ArrayList<>());
    }
    for (int l = 0; l < model.links().size(); l++) {
      gen.get(model.generatingEnd(l)).add(l);
    }
    generated = new int[n][];
    for (int i = 0; i < n; i++) {
      generated[i] = gen.get(i).stream().mapToInt(Integer::intValue).limit(LINK_SLOTS).toArray();
    }
    slots = new PendingRequest[n][REQUEST_SLOTS];
    rates = new double[n][REQUEST_SLOTS * REQUEST_ACTIONS];
  }

  NetworkModel model() {
    return model;
  }

  int rows() {
    return model.nodeCount();
  }

  /** Fills {@code obs} and {@code masks} (one row per node, model order) from {@code view}. */
  void encode(EpochView view, float[] obs, boolean[] masks) {
    int n = rows();
    List<List<PendingRequest>> mine = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mine.add(new ArrayList<>(2));
    }
    Map<Long, boolean[]> stillRefused = new HashMap<>();
    for (PendingRequest p : view.pending()) {
      int s = model.indexOf(p.request().source());
      if (s >= 0) {
        mine.get(s).add(p);
      }
      boolean[] r = refused.get(p.id());
      Integer k = claimedLast.get(p.id());
      if (k != null) {
        // claimed last epoch and still waiting: that claim was refused
        r = r == null ? new boolean[PATHS] : r;
        r[k] = true;
      }
      if (r != null) {
        stillRefused.put(p.id(), r);
      }
    }
    // requests no longer waiting are forgotten
    refused.clear();
    refused.putAll(stillRefused);
    claimedLast.clear();
    Arrays.fill(obs, 0f);
    Arrays.fill(masks, false);
    for (int i = 0; i < n; i++) {
      List<PendingRequest> here = mine.get(i);
      here.sort(Comparator.comparingDouble(PendingRequest::secondsLeft));
      Arrays.fill(slots[i], null);
      for (int s = 0; s < Math.min(REQUEST_SLOTS, here.size()); s++) {
        slots[i][s] = here.get(s);
      }
      NodeView v = i < view.nodes().size() ? view.nodes().get(i) : null;
      encodeRow(i, v, view.resources(), here.size(), obs, i * OBSERVATION_SIZE, masks, i * LOGITS);
    }
  }

  private void encodeRow(int i, NodeView v, ResourceView own, int pendingCount, float[] obs, int o,
      boolean[] masks, int m) {
    NodeInfo info = model.node(i);
    boolean acts = v != null && v.usable() && !v.drained();
    Arrays.fill(rates[i], 0);
    if (v != null) {
      obs[o] = v.usable() ? 1 : 0;
      obs[o + 1] = v.drained() ? 1 : 0;
      // shares of the node's own capacities (in the ledger's units), nobody else's
      obs[o + 2] = share(v.freeGeneration(), own.capacity(ResourceKind.GENERATION.at(i)));
      obs[o + 3] = share(v.freeSlots(), own.capacity(ResourceKind.MEMORY.at(i)));
      obs[o + 4] = share(v.freeSwap(), own.capacity(ResourceKind.SWAP.at(i)));
      obs[o + 9] = (float) Math.min(2, pendingCount / (double) REQUEST_SLOTS);
      NodeForecast f = v.forecast();
      if (f.horizon() > 0) {
        double all = 0;
        for (int h = 0; h < f.horizon(); h++) {
          all += f.total(h);
        }
        obs[o + 10] = (float) (Math.log1p(Math.max(0, f.total(0))) / 3);
        obs[o + 11] = (float) (Math.log1p(Math.max(0, all)) / 3);
      }
    }
    obs[o + 5] = (float) Math.min(3, info.generationRate() / 10);
    obs[o + 6] = (float) (info.memorySlots() / 10.0);
    obs[o + 7] = (float) Math.min(3, info.swapCapacity() / 5);
    obs[o + 8] = (float) (model.linksAt(i).size() / 8.0);
    for (int s = 0; s < REQUEST_SLOTS; s++) {
      int ro = o + NODE_FEATURES + s * REQUEST_FEATURES;
      int mo = m + s * REQUEST_ACTIONS;
      masks[mo] = true; // waiting is always possible
      PendingRequest p = slots[i][s];
      if (p == null) {
        continue;
      }
      double target = p.targetRate();
      obs[ro] = 1;
      obs[ro + 1] = (float) (Math.log1p(p.remaining()) / 3);
      obs[ro + 2] = (float) clamp(p.secondsLeft() / 10, 0, 3);
      obs[ro + 3] = (float) ((p.request().minFidelity() - 0.5) * 2);
      obs[ro + 4] = (float) (Math.log1p(target) / 3);
      for (int k = 0; k < Math.min(PATHS, p.candidates().size()); k++) {
        CandidatePath c = p.candidates().get(k);
        int po = ro + 5 + k * PATH_FEATURES;
        double least = p.minRate(c);
        obs[po] = 1;
        obs[po + 1] = (float) clamp(c.capacity() / Math.max(1e-9, target), 0, 4) / 4;
        obs[po + 2] = (float) clamp((c.fidelity() - p.request().minFidelity()) * 10, -1, 1);
        obs[po + 3] = (float) (c.hops() / 5.0);
        obs[po + 4] = (float) clamp(least / Math.max(1e-9, c.capacity()), 0, 2);
        obs[po + 5] = refusedOn(p.id(), k) ? 1 : 0;
        double carried = acts && Double.isFinite(least) ? locallyCarried(i, own, c) : 0;
        for (int l = 0; l < RATE_LEVELS.length; l++) {
          int a = 1 + k * RATE_LEVELS.length + l;
          double r = Math.min(rate(p, c, l), carried);
          if (r > 0 && r >= least) {
            masks[mo + a] = true;
            rates[i][s * REQUEST_ACTIONS + a] = r;
          }
        }
      }
    }
    int cap = (int) Math.floor(info.memorySlots() * MAX_STOCK_SHARE);
    for (int s = 0; s < LINK_SLOTS; s++) {
      int lo = o + NODE_FEATURES + REQUEST_SLOTS * REQUEST_FEATURES + s * LINK_FEATURES;
      int mo = m + REQUEST_SLOTS * REQUEST_ACTIONS + s * STOCK_LEVELS;
      masks[mo] = true; // no stock is always possible
      if (s >= generated[i].length) {
        continue;
      }
      int l = generated[i][s];
      LinkInfo link = model.links().get(l);
      obs[lo] = 1;
      obs[lo + 1] = (float) Math.min(1, link.successProbability() * 5);
      obs[lo + 2] = (float) (link.lengthKm() / 50);
      obs[lo + 3] = (float) ((link.fidelity() - 0.5) * 2);
      obs[lo + 4] = (float) (demandOn(i, l) / (double) REQUEST_SLOTS);
      obs[lo + 5] = (float) (model.node(other(link, i)).memorySlots() / 10.0);
      boolean generates = own.free(ResourceKind.GENERATION.at(i)) > 0;
      for (int k = 1; k < STOCK_LEVELS; k++) {
        masks[mo + k] = acts && generates && k <= cap && k <= v.freeSlots()
            && k <= model.node(other(link, i)).memorySlots() / 2;
      }
    }
  }

  /** How many of node i's slotted requests have link l on their first candidate path. */
  private int demandOn(int i, int l) {
    int count = 0;
    for (PendingRequest p : slots[i]) {
      if (p == null || p.candidates().isEmpty()) {
        continue;
      }
      int[] idx = p.candidates().get(0).nodeIndex();
      for (int j = 0; j + 1 < idx.length; j++) {
        if (model.linkBetween(idx[j], idx[j + 1]) == l) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  private int other(LinkInfo link, int i) {
    return model.indexOf(link.other(model.node(i).id()));
  }

  /**
   * The highest rate on {@code c} that the node's own free resources carry (its own view: what
   * other nodes have free is for the reservation to find out); 0 if its memory does not fit.
   * Usage is linear in the rate but for memory, so one usage at rate 1 serves every rate level.
   */
  private double locallyCarried(int i, ResourceView own, CandidatePath c) {
    Usage u = Usage.of(model, c, 1);
    double carried = Double.POSITIVE_INFINITY;
    for (int k = 0; k < u.resources().length; k++) {
      int res = u.resources()[k];
      if (ResourceKind.nodeOf(res) != i) {
        continue;
      }
      double free = own.free(res);
      double need = u.amounts()[k];
      if (!u.scalable()[k]) {
        if (need > free + 1e-9) {
          return 0;
        }
      } else if (need > 0) {
        carried = Math.min(carried, Math.max(0, free) / need);
      }
    }
    return carried;
  }

  /**
   * The rate claimed at level {@code level}: that multiple of the target rate (raised to the
   * path's least useful rate), clipped to what the path can carry on an idle network.
   */
  static double rate(PendingRequest p, CandidatePath c, int level) {
    double want = RATE_LEVELS[level] * Math.max(p.targetRate(), p.minRate(c));
    return Math.min(c.capacity(), want);
  }

  /**
   * The teacher's actions for the masks {@link #encode} last wrote, row by row: greedy-tuned's
   * rule as one node can follow it. Each slotted request (earliest deadline first) goes on the
   * first candidate path that any rate level fits, at the highest level that fits (2x the target
   * rate, greedy-tuned's margin of 4, when it fits); no stock.
   */
  void teach(boolean[] masks, int[] actions) {
    Arrays.fill(actions, 0);
    for (int i = 0; i < rows(); i++) {
      for (int s = 0; s < REQUEST_SLOTS; s++) {
        PendingRequest p = slots[i][s];
        if (p == null) {
          continue;
        }
        int mo = i * LOGITS + s * REQUEST_ACTIONS;
        // a path refused before is tried again only when every path has been
        boolean skipRefused = false;
        for (int k = 0; k < PATHS; k++) {
          skipRefused |= !refusedOn(p.id(), k) && allowed(masks, mo, k);
        }
        choose:
        for (int k = 0; k < PATHS; k++) {
          if (skipRefused && refusedOn(p.id(), k)) {
            continue;
          }
          for (int l = RATE_LEVELS.length - 1; l >= 0; l--) {
            int a = 1 + k * RATE_LEVELS.length + l;
            if (masks[mo + a]) {
              actions[i * HEADS + s] = a;
              break choose;
            }
          }
        }
      }
    }
  }

  private static boolean allowed(boolean[] masks, int mo, int path) {
    for (int l = 0; l < RATE_LEVELS.length; l++) {
      if (masks[mo + 1 + path * RATE_LEVELS.length + l]) {
        return true;
      }
    }
    return false;
  }

  private boolean refusedOn(long request, int path) {
    boolean[] r = refused.get(request);
    return r != null && r[path];
  }

  /**
   * The decision for the actions chosen for every row ({@code actions[row * HEADS + head]}),
   * for the requests and links {@link #encode} last slotted.
   */
  void decide(int[] actions, List<Claim> claims, List<StockOrder> stock, Credit credit) {
    for (int i = 0; i < rows(); i++) {
      int base = i * HEADS;
      int claimed = 0;
      int orders = 0;
      int pairsOrdered = 0;
      for (int s = 0; s < REQUEST_SLOTS; s++) {
        int a = actions[base + s];
        PendingRequest p = slots[i][s];
        if (a == 0 || p == null) {
          continue;
        }
        int k = (a - 1) / RATE_LEVELS.length;
        CandidatePath c = p.candidates().get(k);
        double rate = rates[i][s * REQUEST_ACTIONS + a];
        claimedLast.put(p.id(), k);
        claims.add(claim(p, c, rate));
        claimed++;
        fallbacks(i, s, k, (a - 1) % RATE_LEVELS.length, claims);
      }
      for (int s = 0; s < Math.min(LINK_SLOTS, generated[i].length); s++) {
        int pairs = actions[base + REQUEST_SLOTS + s];
        if (pairs > 0) {
          LinkInfo link = model.links().get(generated[i][s]);
          stock.add(new StockOrder(link.a(), link.b(), pairs));
          orders++;
          pairsOrdered += pairs;
        }
      }
      credit.decided(i, claimed, orders, pairsOrdered);
    }
  }

  private static Claim claim(PendingRequest p, CandidatePath c, double rate) {
    return new Claim(p.id(), c, rate, Math.min(rate, Math.max(1e-9, p.minRate(c))));
  }

  /**
   * The node's other paths for slot {@code s}, in order, as fallbacks of its claim on path
   * {@code chosen}: each at the chosen level if its mask allows it, else at the highest level it
   * allows. The node cannot see whether other nodes claim its path; the reservation tries these
   * only if that claim is refused.
   */
  private void fallbacks(int i, int s, int chosen, int level, List<Claim> claims) {
    PendingRequest p = slots[i][s];
    for (int k = 0; k < Math.min(PATHS, p.candidates().size()); k++) {
      if (k == chosen) {
        continue;
      }
      int base = s * REQUEST_ACTIONS + 1 + k * RATE_LEVELS.length;
      double rate = rates[i][base + level];
      for (int l = RATE_LEVELS.length - 1; l >= 0 && rate <= 0; l--) {
        rate = rates[i][base + l];
      }
      if (rate > 0) {
        claims.add(claim(p, p.candidates().get(k), rate).asFallback());
      }
    }
  }

  private static float share(double free, double capacity) {
    return capacity <= 0 ? 0 : (float) clamp(free / capacity, 0, 1);
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
  }
}
