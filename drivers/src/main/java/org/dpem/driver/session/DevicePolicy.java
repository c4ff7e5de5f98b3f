package org.dpem.driver.session;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The resilience4j policies around every call to one device, composed (outermost first) as
 * Retry, CircuitBreaker, TimeLimiter, Bulkhead:
 *
 * <ul>
 *   <li>Retry re-runs the attempt (the same {@code cmd_seq}) only after an ACK timeout. It ignores
 *       {@link CallNotPermittedException}: with the breaker open there is nothing to retry, and
 *       retrying would hammer a device the breaker is protecting.
 *   <li>CircuitBreaker sized for equipment, not web services: a window of 10 calls, decided after
 *       4, opens at 50% failures for 1 s, then lets 2 probes through. Refusals (an ACK with any
 *       result code) are successes: the device answered.
 *   <li>TimeLimiter is only a backstop a little above the ACK timeout: it does not interrupt
 *       {@code CompletableFuture} work, so the session enforces the ACK timeout itself.
 *   <li>Bulkhead caps concurrent commands in flight to one device.
 * </ul>
 */
public final class DevicePolicy {
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final TimeLimiter limiter;
  private final Bulkhead bulkhead;
  private final ScheduledExecutorService scheduler;

  public DevicePolicy(String name, SessionConfig config, ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    Predicate<Throwable> failure = t -> {
      Throwable c = unwrap(t);
      return c instanceof AckTimeoutException || c instanceof TimeoutException
          || c instanceof DeviceUnreachableException;
    };
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(10)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(1))
        .permittedNumberOfCallsInHalfOpenState(2)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .recordException(failure)
        .build());
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(config.attempts())
        .waitDuration(Duration.ofMillis(1))
        .retryOnException(t -> {
          Throwable c = unwrap(t);
          return c instanceof AckTimeoutException || c instanceof TimeoutException;
        })
        .ignoreExceptions(CallNotPermittedException.class, BulkheadFullException.class,
            DeviceUnreachableException.class, CommandExpiredException.class)
        .failAfterMaxAttempts(false)
        .build());
    this.limiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
        .timeoutDuration(config.ackTimeout().plusMillis(200))
        .cancelRunningFuture(true)
        .build());
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(32)
        .maxWaitDuration(Duration.ZERO)
        .build());
  }

  /** Runs {@code attempt} (one send, one wait) under the four policies. */
  public <T> CompletionStage<T> call(Supplier<CompletionStage<T>> attempt) {
    Supplier<CompletionStage<T>> s = Bulkhead.decorateCompletionStage(bulkhead, attempt);
    Supplier<CompletionStage<T>> inner = s;
    s = () -> limiter.executeCompletionStage(scheduler, inner);
    s = CircuitBreaker.decorateCompletionStage(breaker, s);
    s = Retry.decorateCompletionStage(retry, scheduler, s);
    return s.get();
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  public Retry retry() {
    return retry;
  }

  /** The link is gone: stop calls at once instead of waiting for timeouts to add up. */
  public void linkLost() {
    if (breaker.getState() != CircuitBreaker.State.OPEN) {
      breaker.transitionToOpenState();
    }
  }

  /** A fresh handshake proves the device answers again. */
  public void handshakeDone() {
    if (breaker.getState() != CircuitBreaker.State.CLOSED) {
      breaker.transitionToClosedState();
    }
  }

  /** The exception behind completion wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
