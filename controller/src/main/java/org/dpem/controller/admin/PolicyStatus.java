package org.dpem.controller.admin;

import java.util.List;

/** The active allocation policy and the ones available. */
public record PolicyStatus(String active, List<String> available) {
  public PolicyStatus {
    available = List.copyOf(available);
  }
}
