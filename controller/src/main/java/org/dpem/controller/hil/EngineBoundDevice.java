package org.dpem.controller.hil;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.Health;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.safety.Limits;
import org.dpem.sim.engine.SimEngine;

/**
 * A simulated device of the world, as virtual firmware sees it: under the id the config gives the
 * equipment, and with every command handed to the engine's thread, because the simulator is not
 * thread-safe and firmware calls from its own thread. Events already come from the engine thread.
 */
final class EngineBoundDevice implements Device {
  private final Device world;
  private final SimEngine engine;
  private final DeviceId id;

  EngineBoundDevice(Device world, SimEngine engine, DeviceId id) {
    this.world = world;
    this.engine = engine;
    this.id = id;
  }

  @Override
  public DeviceId id() {
    return id;
  }

  @Override
  public NodeId node() {
    return world.node();
  }

  @Override
  public DeviceKind kind() {
    return world.kind();
  }

  @Override
  public DeviceInfo info() {
    DeviceInfo i = world.info();
    return new DeviceInfo(id, i.node(), i.kind(), i.model(), i.firmware(), i.limits());
  }

  @Override
  public Limits limits() {
    return world.limits();
  }

  @Override
  public DeviceState state() {
    return world.state();
  }

  @Override
  public Health health() {
    return world.health();
  }

  @Override
  public CompletionStage<CommandResult> submit(DeviceCommand command) {
    CompletableFuture<CommandResult> done = new CompletableFuture<>();
    engine.post(() -> {
      try {
        world.submit(command).whenComplete((r, e) -> {
          if (e != null) {
            done.completeExceptionally(e);
          } else {
            done.complete(r);
          }
        });
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  @Override
  public Subscription subscribe(org.dpem.hal.event.DeviceEventListener listener) {
    return world.subscribe(listener);
  }
}
