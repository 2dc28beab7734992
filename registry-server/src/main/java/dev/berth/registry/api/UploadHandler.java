package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/** PLACEHOLDER until its owner lands it. */
public final class UploadHandler {
  private final RegistryContext context;

  public UploadHandler(RegistryContext context) {
    this.context = context;
  }

  public void start(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void status(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void patch(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void complete(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }

  public void cancel(RoutingContext ctx) {
    throw new RegistryException(ErrorCode.UNSUPPORTED, "not yet built");
  }
}
