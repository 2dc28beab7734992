package dev.berth.registry.auth;

import dev.berth.registry.api.AccessControl;
import dev.berth.registry.api.Action;
import dev.berth.registry.api.Principal;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import dev.berth.registry.api.UnauthorizedException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.regex.Pattern;

/**
 * {@code auth.htpasswd} with Berth's access rules: Basic credentials checked against the htpasswd file (bcrypt
 * on a worker thread unless the verification is cached), then the rules decide per repository and action.
 *
 * <p>A request without credentials (no header, or the empty {@code Basic Og==}) is anonymous only when anonymous pull is configured, and never for the
 * base endpoint {@code /v2/}: clients such as {@code docker login} read a 200 there as "this registry needs no
 * credentials" and would never send the ones they have.
 */
public final class HtpasswdAccessControl implements AccessControl {
  private static final Pattern BASE_ENDPOINT = Pattern.compile(".*/v2/?");

  /**
   * bcrypt is pure CPU work: a pool of one thread per core runs it, apart from the worker pool the storage uses,
   * so a flood of wrong passwords slows logins down, not pulls and pushes of users already verified.
   */
  private final WorkerExecutor bcryptPool;
  private final HtpasswdAuthenticator authenticator;
  private final AccessRules rules;
  private final String challenge;

  public HtpasswdAccessControl(Vertx vertx, HtpasswdAuthenticator authenticator, AccessRules rules, String realm) {
    this.bcryptPool = vertx.createSharedWorkerExecutor("berth-bcrypt",
        Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.authenticator = authenticator;
    this.rules = rules;
    this.challenge = challengeFor(realm);
  }

  /** {@code Basic realm="…"}, quoted the way Go's %q quotes the realm in registry:2. */
  static String challengeFor(String realm) {
    String escaped = realm.replace("\\", "\\\\").replace("\"", "\\\"");
    return "Basic realm=\"" + escaped + "\"";
  }

  @Override
  public Future<Principal> authenticate(HttpServerRequest request) {
    return authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), request.path());
  }

  /** The caller of a request with this {@code Authorization} header (null when absent) and path. */
  Future<Principal> authenticate(String header, String path) {
    if (header == null) {
      return anonymous(path);
    }
    BasicCredentials credentials;
    try {
      credentials = BasicCredentials.parse(header);
    } catch (MalformedCredentialsException e) {
      return Future.failedFuture(unauthorized(e.getMessage()));
    }
    if (credentials.isEmpty()) {
      return anonymous(path);
    }
    Principal user = Principal.user(credentials.user());
    if (authenticator.verifiedBefore(credentials)) {
      return Future.succeededFuture(user);
    }
    return bcryptPool.executeBlocking(() -> authenticator.verify(credentials), false)
        .compose(valid -> valid
            ? Future.succeededFuture(user)
            : Future.failedFuture(unauthorized("invalid user name or password")));
  }

  private Future<Principal> anonymous(String path) {
    return rules.anonymousPullConfigured() && !BASE_ENDPOINT.matcher(path == null ? "" : path).matches()
        ? Future.succeededFuture(Principal.ANONYMOUS)
        : Future.failedFuture(unauthorized("authentication required"));
  }

  @Override
  public boolean allowed(Principal principal, RepositoryName repository, Action action) {
    return rules.allows(principal, repository.value(), action);
  }

  @Override
  public RegistryException unauthorized() {
    return unauthorized("authentication required");
  }

  private UnauthorizedException unauthorized(String message) {
    return new UnauthorizedException(challenge, message);
  }
}
