package org.dpem.config.load;

import java.util.List;

/** A YAML sequence. */
record YSeq(Mark mark, List<YNode> items) implements YNode {
  public YSeq {
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }
}
