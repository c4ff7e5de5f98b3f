package org.dpem.controller.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpem.driver.SigningKey;

/** Test keys: the aggregator has key id 0, agent i key id i + 1; every key differs. */
final class Keys {
  private Keys() {}

  static FederationKeys of(List<String> agents) {
    Map<String, SigningKey> m = new LinkedHashMap<>();
    m.put(FederationKeys.AGGREGATOR, key(0));
    for (int i = 0; i < agents.size(); i++) {
      m.put(agents.get(i), key(i + 1));
    }
    return new FederationKeys(m);
  }

  static SigningKey key(int id) {
    byte[] k = new byte[32];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (id * 31 + i);
    }
    return new SigningKey(id, k);
  }
}
