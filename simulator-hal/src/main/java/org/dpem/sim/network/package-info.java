/**
 * The simulated network behind the HAL: {@link org.dpem.sim.network.SimNetwork} (a
 * {@link org.dpem.hal.DeviceDirectory}) with one {@link org.dpem.sim.network.SimPairSource},
 * {@link org.dpem.sim.network.SimQuantumMemory} and {@link org.dpem.sim.network.SimBellStateAnalyzer}
 * per node, and {@link org.dpem.sim.network.Faults} for fault injection.
 *
 * <h2>Commands for one allocation</h2>
 *
 * For allocation {@code A} on the path {@code p0 (source) - p1 - ... - pk (destination)}, the
 * controller's commands alone decide what happens; nothing is generated, swapped or delivered
 * that was not commanded:
 *
 * <ol>
 *   <li><b>Reserve</b> at every node on the path: {@code memory(pi).reserve(A, dl, slots, peers)}
 *       with {@code peers} the path neighbours of {@code pi} (one at the ends, two at
 *       repeaters) and {@code slots >= peers.size()}. Each side may fill at most
 *       {@code slots - (peers - 1)} slots. BUSY if the slots are not free.
 *   <li><b>Swap</b> at every repeater: {@code memory(pi).swap(A, dl, p(i-1), p(i+1))}. This is a
 *       standing rule: whenever the memory holds a heralded half on each side for A, it swaps the
 *       oldest two (at most {@code swap_rate}/s; success probability q), emitting
 *       {@code SwapOutcome}. Swaps along a path run asynchronously, in any order.
 *   <li><b>Arm</b> the heralding analyzer of every link, at the node the photons travel to:
 *       {@code analyzer(p(i+1)).arm(A, dl, p(i), window)}; and the verifying analyzer at the
 *       destination: {@code analyzer(pk).arm(A, dl, p0, window)} (for one hop the herald arm does
 *       both).
 *   <li><b>Enable</b> the source of every link last: {@code source(p(i)).enable(A, dl, p(i+1), rate)}.
 *       A source serves several allocations while their rates sum to at most its limit (else BUSY).
 * </ol>
 *
 * Then events arrive: {@code Herald} from a memory when its node learns of a link pair (the
 * receiving node after one fibre delay, the source node after two); {@code SwapOutcome} from a
 * repeater's memory; {@code PairDelivered} from the verifying analyzer once every herald and swap
 * outcome about an end-to-end pair has reached both ends, carrying the pair's exact fidelity at
 * that time. A pair is end-to-end when neither end holds a swap rule for the side it sits on and
 * an analyzer at one end is armed for (A, the other end). Delivered pairs leave the memories.
 *
 * <p>Stock (entanglement buffering): {@code memory.stock(S, dl, n, peer)} at both ends of a link,
 * the herald arm and the source as for a one-hop allocation, fill the holding {@code S} with
 * pairs that are never swapped nor delivered (when full, a new herald replaces the oldest pair).
 * {@code memory.handOver(A, dl, S, peer, n, minF)} at each end moves up to n of them, freshest
 * first and each of fidelity at least minF, with their slots, into allocation A's slots; a pair
 * serves A once both halves moved.
 *
 * <p>Teardown: {@code source.disable(A)}, {@code analyzer.disarm(A)}, {@code memory.release(A)}
 * (release destroys stored pairs at both ends). Unknown allocations give INVALID. Result codes
 * and fault behaviour are those of equipment; see {@link org.dpem.sim.network.Faults}.
 *
 * <p>Modelling simplifications: attempts in flight hold no slot; after a failed swap the far ends
 * free their slots at once rather than when the failure message reaches them; swaps are
 * instantaneous but rate-limited by the swap capacity.
 */
package org.dpem.sim.network;
