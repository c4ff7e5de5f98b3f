package org.dpem.hal.safety;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limits of every settable parameter of one device. A parameter without a limit cannot be
 * set at all: the interlock refuses commands that touch it.
 *
 * @param byParameter limits keyed by parameter name, in the device's own order
 */
public record Limits(Map<String, Limit> byParameter) {
  public static final Limits NONE = new Limits(Map.of());

  public Limits {
    byParameter = Collections.unmodifiableMap(new LinkedHashMap<>(byParameter));
    byParameter.forEach((k, v) -> {
      if (!k.equals(v.parameter())) {
        throw new IllegalArgumentException("limit for '" + v.parameter() + "' filed under '" + k + "'");
      }
    });
  }

  public static Limits of(Limit... limits) {
    Map<String, Limit> m = new LinkedHashMap<>();
    for (Limit l : limits) {
      if (m.put(l.parameter(), l) != null) {
        throw new IllegalArgumentException("two limits for '" + l.parameter() + "'");
      }
    }
    return new Limits(m);
  }

  public Optional<Limit> get(String parameter) {
    return Optional.ofNullable(byParameter.get(parameter));
  }

  /**
   * These limits narrowed by configured ones. Every configured parameter must exist on the device
   * and lie within its limit.
   *
   * @throws LimitWideningException if a configured bound lies outside the device's
   * @throws IllegalArgumentException if configuration names a parameter the device lacks
   */
  public Limits narrowedBy(Limits configured) {
    Map<String, Limit> m = new LinkedHashMap<>(byParameter);
    configured.byParameter.forEach((name, c) -> {
      Limit own = byParameter.get(name);
      if (own == null) {
        throw new IllegalArgumentException("configuration limits parameter '" + name
            + "', which the device does not have (it has " + byParameter.keySet() + ")");
      }
      m.put(name, own.narrowedBy(c));
    });
    return new Limits(m);
  }
}
