package dev.berth.registry.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who may do what. The route table authenticates every request first (so even {@code GET /v2/} answers 401
 * without credentials), then checks the route's action on its repository before the handler runs.
 */
public interface AccessControl {

  /** Identifies the caller, failing with an UNAUTHORIZED {@link RegistryException} on missing or bad credentials. */
  Future<Principal> authenticate(HttpServerRequest request);

  /** Whether the principal may perform the action on the repository. */
  boolean allowed(Principal principal, RepositoryName repository, Action action);

  /**
   * The failure for a caller that must authenticate before it may act (an anonymous caller denied an action),
   * carrying the challenge the client needs to retry with credentials.
   */
  default RegistryException unauthorized() {
    return new RegistryException(ErrorCode.UNAUTHORIZED);
  }

  /** registry:2 without an {@code auth} section: everyone may do everything. */
  static AccessControl allowAll() {
    return new AccessControl() {
      @Override
      public Future<Principal> authenticate(HttpServerRequest request) {
        return Future.succeededFuture(Principal.ANONYMOUS);
      }

      @Override
      public boolean allowed(Principal principal, RepositoryName repository, Action action) {
        return true;
      }
    };
  }
}
