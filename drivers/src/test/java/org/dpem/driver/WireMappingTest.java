package org.dpem.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dpem.driver.transport.MqttTopics;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.LimitWideningException;
import org.dpem.hal.safety.Limits;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;
import org.junit.jupiter.api.Test;

class WireMappingTest {

  @Test
  void hostCommandsBecomeTheirOperations() {
    assertThat(WireMapping.operation(new SourceCommand.Enable(AllocationId.of(1), 0, NodeId.of("b"), 5)))
        .isEqualTo(new Operation.EnableSource("b", 5));
    assertThat(WireMapping.operation(new MemoryCommand.Reserve(AllocationId.of(1), 0, 3,
        List.of(NodeId.of("a"), NodeId.of("c"))))).isEqualTo(new Operation.ReserveSlots(3, List.of("a", "c")));
    assertThat(WireMapping.operation(new SetParameter(AllocationId.NONE, 0, "rate", 7)))
        .isEqualTo(Operation.SetParam.byName("rate", 7));
    assertThat(WireMapping.operation(new MemoryCommand.Stock(AllocationId.of(9), 0, 3, NodeId.of("b"))))
        .isEqualTo(new Operation.StockSlots(3, "b"));
    assertThat(WireMapping.operation(new MemoryCommand.HandOver(AllocationId.of(1), 0,
        AllocationId.of(9), NodeId.of("b"), 2, 0.8))).isEqualTo(new Operation.HandOver(9, "b", 2, 0.8));
  }

  @Test
  void aHandOverCountSurvivesTheAck() {
    var r = WireMapping.result(new Message.CommandAck(9, AckCode.OK, "moved 2"), "hand-over on d");
    assertThat(MemoryCommand.HandOver.moved(r)).isEqualTo(2);
  }

  @Test
  void deviceRefusalsKeepTheirCodeAndDetail() {
    var r = WireMapping.result(new Message.CommandAck(9, AckCode.OUT_OF_LIMITS, "rate=9 exceeds max 5"), "set on d");
    assertThat(r.code()).isEqualTo(ResultCode.OUT_OF_LIMITS);
    assertThat(r.detail()).contains("refused by the device").contains("rate=9 exceeds max 5");
    assertThat(WireMapping.result(new Message.CommandAck(9, AckCode.OK, ""), "x").isOk()).isTrue();
  }

  @Test
  void limitsRoundTripThroughDescriptors() {
    Limits l = Limits.of(new Limit("rate", 0, 100, 1, 50, "pairs/s"), Limit.range("window", 1e-9, 1e-8, "s"));
    assertThat(WireMapping.limits(WireMapping.descriptors(l))).isEqualTo(l);
  }

  @Test
  void openConfiguredBoundsTakeTheDevicesOwnAndOnlyGivenOnesNarrow() {
    Limits own = Limits.of(new Limit("rate", 0, 100, 1, 50, "pairs/s"));
    Limits cfg = Limits.of(new Limit("rate", Double.NEGATIVE_INFINITY, 60, 0, Double.POSITIVE_INFINITY, ""));
    Limits resolved = DriverFactory.resolveOpenBounds(cfg, own);
    Limits narrowed = own.narrowedBy(resolved);
    assertThat(narrowed.get("rate").orElseThrow().max()).isEqualTo(60);
    assertThat(narrowed.get("rate").orElseThrow().min()).isEqualTo(0);
    assertThat(narrowed.get("rate").orElseThrow().maxRatePerSecond()).isEqualTo(50);
    Limits wider = DriverFactory.resolveOpenBounds(
        Limits.of(new Limit("rate", Double.NEGATIVE_INFINITY, 200, 0, Double.POSITIVE_INFINITY, "")), own);
    assertThatThrownBy(() -> own.narrowedBy(wider)).isInstanceOf(LimitWideningException.class);
  }

  @Test
  void topicsFollowTheLayoutAndRejectWildcards() {
    MqttTopics t = new MqttTopics("site/a", "src-1");
    assertThat(t.state()).isEqualTo("site/a/src-1/state");
    assertThat(t.command(42)).isEqualTo("site/a/src-1/cmd/42");
    assertThat(t.response(42)).isEqualTo("site/a/src-1/rsp/42");
    assertThatThrownBy(() -> new MqttTopics("a/#", "x")).hasMessageContaining("a/#");
  }

  @Test
  void signingKeysParseAndRefuseShortKeys() {
    SigningKey k = SigningKey.parse("3:00112233445566778899aabbccddeeff");
    assertThat(k.keyId()).isEqualTo(3);
    assertThat(k.key()).hasSize(16);
    assertThatThrownBy(() -> SigningKey.parse("3:0011")).hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> SigningKey.parse("nokey")).hasMessageContaining("KEYID:HEX");
  }
}
