package org.dpem.controller.admin;

import java.util.List;

/**
 * What an emergency stop did.
 *
 * @param devicesSafe devices confirmed in SAFE
 * @param allocationsStopped allocations stopped
 * @param failures devices that did not confirm SAFE, with the reason
 */
public record EstopReport(int devicesSafe, int allocationsStopped, List<String> failures) {
  public EstopReport {
    failures = List.copyOf(failures);
  }
}
