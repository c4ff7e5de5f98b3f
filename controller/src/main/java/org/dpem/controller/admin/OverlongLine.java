package org.dpem.controller.admin;

/**
 * Stands in the inbound stream where a line was too long, so it is answered in order after the
 * commands before it and then the connection closes.
 */
record OverlongLine(int maxBytes) {
  Reply reply() {
    return Reply.error("-", "<line over " + maxBytes + " bytes>", "line_too_long",
        "line longer than " + maxBytes + " bytes; closing the connection").closing();
  }
}
