package org.dpem.config.device;

/** How the controller reaches one device: in-process simulation, a serial port, or MQTT. */
public sealed interface DriverSpec permits SimDriver, SerialDriver, MqttDriver {
  DriverKind kind();
}
