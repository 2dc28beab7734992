package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/** PLACEHOLDER until its owner lands it. */
public final class BlobHandler {
  private final RegistryContext context;

  public BlobHandler(RegistryContext context) {
    this.context = context;
  }

  public void get(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void head(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void delete(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }
}
