package org.dpem.config.load;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dpem.config.ConfigException;
import org.dpem.config.DpemConfig;
import org.dpem.config.controller.ControllerConfig;
import org.dpem.config.device.DeviceCatalog;
import org.dpem.config.device.DeviceSpec;
import org.dpem.config.network.NetworkSpec;
import org.dpem.config.workload.WorkloadConfig;

/** Reads a whole config document: the four sections, then the checks that cross them. */
public final class DocumentReader {

  /** The only schema version so far; a file may say {@code version: 1}. */
  public static final int VERSION = 1;

  private DocumentReader() {}

  /**
   * @param text the YAML
   * @param name file name used in problems
   * @param baseDir directory relative paths resolve against (empty: leave them and skip file checks)
   */
  public static DpemConfig read(String text, String name, Optional<Path> baseDir) throws ConfigException {
    Problems problems = new Problems(name);
    YNode root = YamlTree.parse(text, problems);
    if (root == null) throw new ConfigException(problems.list());
    LoadContext ctx = new LoadContext(problems, baseDir);
    MapReader doc = MapReader.of(root, "", problems, root.mark());
    doc.integer("version", VERSION, Bounds.closed(VERSION, VERSION));
    NetworkSpec network = NetworkReader.read(doc.map("network"));
    Set<String> nodeIds = new LinkedHashSet<>(network.nodeIds());
    Map<String, List<DeviceSpec>> devices = DeviceReader.read(doc.map("devices"), nodeIds);
    ControllerConfig controller = ControllerReader.read(doc.map("controller"), ctx);
    WorkloadConfig workload = WorkloadReader.read(doc.map("workload"), nodeIds, ctx);
    doc.finish();
    if (!problems.isEmpty()) throw new ConfigException(problems.list());
    return new DpemConfig(name, network, DeviceCatalog.of(network.nodeIds(), devices), controller, workload);
  }
}
