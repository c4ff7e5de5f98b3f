package org.dpem.controller.loop;

import org.dpem.hal.NodeId;

/**
 * The device commands' content for one link's stock.
 *
 * @param holding the stock's id on the devices (from the allocation id sequence)
 * @param a one end of the link
 * @param b the other end
 * @param slotsA slots the stock holds at {@code a}
 * @param slotsB slots the stock holds at {@code b}
 * @param generator the end whose source generates the link's pairs
 * @param attemptsPerSecond the generating source's rate for this stock
 */
public record StockCommand(long holding, NodeId a, NodeId b, int slotsA, int slotsB,
    NodeId generator, double attemptsPerSecond) {}
