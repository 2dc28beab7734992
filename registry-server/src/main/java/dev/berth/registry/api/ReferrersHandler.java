package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/** PLACEHOLDER until its owner lands it. */
public final class ReferrersHandler {
  private final RegistryContext context;

  public ReferrersHandler(RegistryContext context) {
    this.context = context;
  }

  public void list(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }
}
