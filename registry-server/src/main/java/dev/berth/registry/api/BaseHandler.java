package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/** PLACEHOLDER until its owner lands it. */
public final class BaseHandler {
  private final RegistryContext context;

  public BaseHandler(RegistryContext context) {
    this.context = context;
  }

  public void check(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }
}
