package org.dpem.config.device;

/** How a device is reached; YAML names {@code sim}, {@code serial}, {@code mqtt}. */
public enum DriverKind { SIM, SERIAL, MQTT }
