package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.api.AccessControl;
import dev.berth.registry.api.Action;
import dev.berth.registry.api.Principal;
import dev.berth.registry.api.RepositoryName;
import dev.berth.registry.api.UnauthorizedException;
import dev.berth.registry.config.AccessConfig;
import dev.berth.registry.config.AuthConfig;
import dev.berth.registry.testing.TestHtpasswd;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessControlsTest {
  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private AuthConfig htpasswd(Path file, String realm) {
    AuthConfig auth = new AuthConfig();
    auth.htpasswd = new AuthConfig.Htpasswd();
    auth.htpasswd.path = file.toString();
    auth.htpasswd.realm = realm;
    return auth;
  }

  @Test
  void withoutAuthEveryoneMayDoEverythingAsInRegistry2() {
    AccessControl control = AccessControls.fromConfig(vertx, null, null);

    assertThat(control.allowed(Principal.ANONYMOUS, new RepositoryName("a"), Action.DELETE)).isTrue();
  }

  @Test
  void accessRulesWithoutAuthenticationAreRefused() {
    assertThatThrownBy(() -> AccessControls.fromConfig(vertx, null, AccessRulesTest.example()))
        .hasMessageContaining("access rules need auth.htpasswd");
    AccessConfig anonymousOnly = new AccessConfig();
    anonymousOnly.anonymous = new AccessConfig.Anonymous();
    anonymousOnly.anonymous.repositories = java.util.List.of("public/**");
    assertThatThrownBy(() -> AccessControls.fromConfig(vertx, new AuthConfig(), anonymousOnly))
        .hasMessageContaining("auth.htpasswd");
  }

  @Test
  void htpasswdBuildsTheChallengingAccessControl() throws Exception {
    Path file = Files.writeString(dir.resolve("htpasswd"), TestHtpasswd.HTPASSWD_B_LINE);

    AccessControl control = AccessControls.fromConfig(vertx, htpasswd(file, "basic-realm"), null);

    assertThat(control).isInstanceOf(HtpasswdAccessControl.class);
    assertThat(((UnauthorizedException) control.unauthorized()).challenge()).isEqualTo("Basic realm=\"basic-realm\"");
  }

  @Test
  void aMissingRealmFallsBackToTheGuidesRealm() throws Exception {
    Path file = Files.writeString(dir.resolve("htpasswd"), TestHtpasswd.HTPASSWD_B_LINE);

    AccessControl control = AccessControls.fromConfig(vertx, htpasswd(file, null), null);

    assertThat(((UnauthorizedException) control.unauthorized()).challenge())
        .isEqualTo("Basic realm=\"Registry Realm\"");
  }

  @Test
  void aMissingHtpasswdFileStopsTheStartNamingIt() {
    Path missing = dir.resolve("auth/htpasswd");

    assertThatThrownBy(() -> AccessControls.fromConfig(vertx, htpasswd(missing, "r"), null))
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }
}
