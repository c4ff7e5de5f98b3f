package org.dpem.protocol;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceKindCode;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;

/** jqwik generators for every message and operation, covering each field's full range. */
final class MessageArbitraries {
  private MessageArbitraries() {}

  static Arbitrary<String> str() {
    // Mostly short ASCII ids, sometimes any Unicode (multi-byte UTF-8, supplementary planes).
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20)
        .filter(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255
            && s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF)
        .list().ofMaxSize(6).map(cps -> {
          StringBuilder sb = new StringBuilder();
          cps.forEach(sb::appendCodePoint);
          return sb.toString();
        });
    return Arbitraries.frequencyOf(List.of(
        Tuple.of(6, ascii), Tuple.of(2, any), Tuple.of(1, supplementary),
        Tuple.of(1, Arbitraries.strings().withChars('x').ofLength(255))));
  }

  static Arbitrary<Double> f64() {
    return Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE));
  }

  static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL).edgeCases(c -> c.add(0xFFFF_FFFFL));
  }

  static Arbitrary<Long> u63() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  static Arbitrary<Integer> u8() {
    return Arbitraries.integers().between(0, 255);
  }

  static Arbitrary<Operation> operation() {
    return Arbitraries.oneOf(
        Combinators.combine(str(), f64()).as(Operation.EnableSource::new),
        Arbitraries.just(new Operation.DisableSource()),
        Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
            str().list().ofMaxSize(4)).as(Operation.ReserveSlots::new),
        Arbitraries.just(new Operation.ReleaseSlots()),
        Combinators.combine(str(), str()).as(Operation.Swap::new),
        Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), str())
            .as(Operation.StockSlots::new),
        Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), str(),
            Arbitraries.integers().between(0, 0xFFFF), f64()).as(Operation.HandOver::new),
        Combinators.combine(str(), f64()).as(Operation.ArmAnalyzer::new),
        Arbitraries.just(new Operation.DisarmAnalyzer()),
        Combinators.combine(Arbitraries.integers().between(0, 254), str(), f64())
            .as(Operation.SetParam::new),
        Combinators.combine(str().filter(s -> !s.isEmpty()), f64()).as(Operation.SetParam::byName),
        Arbitraries.just(new Operation.GoSafe()),
        Arbitraries.just(new Operation.ClearFault()),
        Arbitraries.just(new Operation.GetInfo()),
        Arbitraries.just(new Operation.GetParams()));
  }

  static Arbitrary<Message> message() {
    return Arbitraries.oneOf(List.of(
        Combinators.combine(u8(), Arbitraries.integers(), str()).as(Message.Hello::new),
        Combinators.combine(str(), str(), Arbitraries.of(DeviceKindCode.class), str(), str(),
            Arbitraries.integers(), u8()).as(Message.DeviceInfo::new),
        Combinators.combine(Arbitraries.integers().between(0, 254), str(), str(), f64(), f64(),
            f64(), f64()).as(Message.ParamDescriptor::new),
        Combinators.combine(u63(), Arbitraries.of(DeviceStateCode.class), u32())
            .as(Message.Heartbeat::new),
        Combinators.combine(u32(), u63(), u63(), operation()).as(Message.Command::new),
        Combinators.combine(u32(), Arbitraries.of(AckCode.class), str())
            .as(Message.CommandAck::new),
        u32().map(Message.Cancel::new),
        Combinators.combine(u63(),
            Combinators.combine(str(), f64()).as(Message.Reading::new).list().ofMaxSize(12))
            .as(Message.Telemetry::new),
        Combinators.combine(u63(), u63(), str(), f64()).as(Message.Herald::new),
        Combinators.combine(u63(), u63(), str(), str(), Arbitraries.of(true, false))
            .as(Message.SwapOutcome::new),
        Combinators.combine(u63(), u63(), str(), str(), f64()).as(Message.PairDelivered::new),
        Combinators.combine(Arbitraries.of(true, false), u63(), u63(), u63())
            .as(Message.TimeSync::new),
        Combinators.combine(u32(), u63(), str(), str(), Arbitraries.of(true, false))
            .as(Message.Fault::new),
        u32().map(Message.FaultAck::new),
        Combinators.combine(Arbitraries.of(RejectReason.class), u8(), u32(), str())
            .as(Message.ProtocolError::new)));
  }

}
