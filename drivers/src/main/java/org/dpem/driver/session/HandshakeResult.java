package org.dpem.driver.session;

import java.util.List;
import org.dpem.protocol.message.Message;

/**
 * What a device said about itself at handshake.
 *
 * @param info its DEVICE_INFO
 * @param params its PARAM_DESCRIPTORs, by index
 * @param schemaMatches whether its schema hash equals ours; if not, the device is read-only
 */
public record HandshakeResult(Message.DeviceInfo info, List<Message.ParamDescriptor> params,
    boolean schemaMatches) {
  public HandshakeResult {
    params = List.copyOf(params);
  }
}
