package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/** PLACEHOLDER until its owner lands it. */
public final class ManifestHandler {
  private final RegistryContext context;

  public ManifestHandler(RegistryContext context) {
    this.context = context;
  }

  public void get(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void head(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void put(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void delete(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }
}
