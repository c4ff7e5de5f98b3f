package org.dpem.config;

import java.util.List;
import java.util.Objects;
import org.dpem.config.controller.ControllerConfig;
import org.dpem.config.device.DeviceCatalog;
import org.dpem.config.network.NetworkSpec;
import org.dpem.config.workload.WorkloadConfig;

/**
 * A whole deployment, as loaded from one YAML file by {@link ConfigLoader}.
 *
 * @param source where it was loaded from (file name or resource name)
 * @param network the nodes and links, written out or generated
 * @param devices every node's devices; nodes the file lists no devices for get one simulated
 *     source, memory and analyzer each
 * @param controller how the controller runs
 * @param workload the request workload
 */
public record DpemConfig(String source, NetworkSpec network, DeviceCatalog devices, ControllerConfig controller,
    WorkloadConfig workload) {

  public DpemConfig {
    Objects.requireNonNull(source);
    Objects.requireNonNull(network);
    Objects.requireNonNull(devices);
    Objects.requireNonNull(controller);
    Objects.requireNonNull(workload);
  }

  public List<String> nodeIds() {
    return network.nodeIds();
  }
}
