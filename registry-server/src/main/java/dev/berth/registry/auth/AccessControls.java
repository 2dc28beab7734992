package dev.berth.registry.auth;

import dev.berth.registry.api.AccessControl;
import dev.berth.registry.config.AccessConfig;
import dev.berth.registry.config.AuthConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the server's {@link AccessControl} from {@code auth} and {@code access}: htpasswd with the access rules,
 * or, without {@code auth}, registry:2's open registry. Access rules without htpasswd are refused: they could
 * never apply (every caller would be anonymous), and an operator who wrote them expects them to protect
 * something.
 */
public final class AccessControls {
  private static final Logger LOG = LoggerFactory.getLogger(AccessControls.class);
  /** What registry:2 setup guides use; registry:2 itself insists on a realm, Berth warns and uses this. */
  static final String DEFAULT_REALM = "Registry Realm";

  private AccessControls() {
  }

  /** Blocking (reads the htpasswd file); fails with a message naming the setting at fault. */
  public static AccessControl fromConfig(Vertx vertx, AuthConfig auth, AccessConfig access) {
    if (auth == null || !auth.htpasswdEnabled()) {
      if (access != null && (access.hasRules() || anonymousConfigured(access))) {
        throw new IllegalArgumentException("access rules need auth.htpasswd (or REGISTRY_AUTH=htpasswd): without "
            + "authentication every caller is anonymous and the rules could not protect anything");
      }
      return AccessControl.allowAll();
    }
    String realm = auth.htpasswd.realm;
    if (realm == null || realm.isBlank()) {
      LOG.warn("auth.htpasswd.realm is not set; using \"{}\"", DEFAULT_REALM);
      realm = DEFAULT_REALM;
    }
    AccessRules rules = AccessRules.from(access);
    HtpasswdFile file = HtpasswdFile.load(Path.of(auth.htpasswd.path));
    LOG.info("authentication: htpasswd {} (realm \"{}\"), {}", file.path(), realm,
        access != null && access.hasRules() ? access.rules.size() + " access rules"
            : "no access rules (every authenticated user may do everything)");
    return new HtpasswdAccessControl(vertx, new HtpasswdAuthenticator(file), rules, realm);
  }

  private static boolean anonymousConfigured(AccessConfig access) {
    return access.anonymous != null && access.anonymous.repositories != null
        && !access.anonymous.repositories.isEmpty();
  }
}
