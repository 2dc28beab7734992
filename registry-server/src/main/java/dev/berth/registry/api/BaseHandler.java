package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v2/}: tells a client that this is a V2 registry and that its credentials (if any) are accepted.
 * Authentication already happened in the route table, so reaching this handler means 200.
 */
public final class BaseHandler {

  public BaseHandler(RegistryContext context) {
    // The check needs nothing from the context; the constructor matches the other handlers'.
  }

  public void check(RoutingContext ctx) {
    ctx.request().resume();
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end("{}");
  }
}
