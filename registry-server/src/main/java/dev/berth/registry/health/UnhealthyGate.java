package dev.berth.registry.health;

import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.FailureHandler;
import dev.berth.registry.api.RegistryException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * registry:2's health wrapper on the main listener: while a check is past its threshold every request answers
 * 503, so that a load balancer takes the replica out, and serving resumes at the first passing check.
 */
public final class UnhealthyGate implements Handler<RoutingContext> {
  private final HealthMonitor monitor;

  public UnhealthyGate(HealthMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Map<String, String> failures = monitor.failures();
    if (failures.isEmpty()) {
      ctx.next();
      return;
    }
    FailureHandler.send(ctx.response(),
        new RegistryException(ErrorCode.UNKNOWN, failures, "service unavailable: health checks fail", 503));
  }
}
