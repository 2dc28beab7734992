package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.api.Action;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.Principal;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import dev.berth.registry.api.UnauthorizedException;
import dev.berth.registry.config.AccessConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdAccessControlTest {
  @TempDir
  Path dir;
  private Vertx vertx;
  private HtpasswdAuthenticator authenticator;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    Path file = Files.writeString(dir.resolve("htpasswd"), HtpasswdEntriesTest.HTPASSWD_B_LINE
        + "reader:" + HtpasswdAuthenticatorTest.hash("2y", "reader-pw") + "\n");
    authenticator = new HtpasswdAuthenticator(HtpasswdFile.load(file));
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private HtpasswdAccessControl control(AccessConfig access) {
    return new HtpasswdAccessControl(vertx, authenticator, AccessRules.from(access), "Registry Realm");
  }

  private static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static Principal await(Future<Principal> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }

  private static UnauthorizedException failure(Future<Principal> future) throws Exception {
    try {
      future.await(10, TimeUnit.SECONDS);
    } catch (UnauthorizedException expected) {
      return expected;
    }
    throw new AssertionError("expected UNAUTHORIZED, got " + future.result());
  }

  @Test
  void validCredentialsAuthenticateTheUser() throws Exception {
    Principal principal = await(control(null).authenticate(basic("testuser:testpassword"), "/v2/"));

    assertThat(principal).isEqualTo(Principal.user("testuser"));
  }

  @Test
  void aCachedVerificationAnswersWithoutAWorkerThread() throws Exception {
    HtpasswdAccessControl control = control(null);
    await(control.authenticate(basic("testuser:testpassword"), "/v2/"));

    Future<Principal> second = control.authenticate(basic("testuser:testpassword"), "/v2/a/blobs/x");

    assertThat(second.isComplete()).isTrue();
    assertThat(second.result()).isEqualTo(Principal.user("testuser"));
  }

  @Test
  void wrongPasswordsGet401WithTheBasicChallenge() throws Exception {
    UnauthorizedException error = failure(control(null).authenticate(basic("testuser:nope"), "/v2/"));

    assertThat(error.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(error.status()).isEqualTo(401);
    assertThat(error.challenge()).isEqualTo("Basic realm=\"Registry Realm\"");
  }

  @Test
  void emptyCredentialsWithoutAnonymousAccessGet401() throws Exception {
    assertThat(failure(control(null).authenticate(basic(":"), "/v2/a/manifests/latest")).status()).isEqualTo(401);
  }

  @Test
  void missingCredentialsGet401WithTheChallenge() throws Exception {
    assertThat(failure(control(null).authenticate(null, "/v2/")).challenge()).startsWith("Basic realm=");
    assertThat(failure(control(null).authenticate(null, "/v2/a/manifests/latest")).status()).isEqualTo(401);
  }

  @Test
  void malformedHeadersGet401NotAServerError() throws Exception {
    HtpasswdAccessControl control = control(null);

    for (String header : new String[] {"Basic !!!", "Bearer token", "Basic " + Base64.getEncoder()
        .encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)), "", "Basic"}) {
      UnauthorizedException error = failure(control.authenticate(header, "/v2/"));
      assertThat(error.status()).as(header).isEqualTo(401);
      assertThat(error.challenge()).isNotBlank();
    }
  }

  @Test
  void anonymousCallersPassOnlyWhenAnonymousPullIsConfiguredAndNeverOnTheBaseEndpoint() throws Exception {
    AccessConfig access = new AccessConfig();
    access.anonymous = new AccessConfig.Anonymous();
    access.anonymous.repositories = java.util.List.of("public/**");
    HtpasswdAccessControl control = control(access);

    assertThat(await(control.authenticate(null, "/v2/public/base/manifests/1"))).isEqualTo(Principal.ANONYMOUS);
    assertThat(await(control.authenticate(basic(":"), "/v2/public/base/manifests/1")))
        .as("skopeo --no-creds sends Basic Og==").isEqualTo(Principal.ANONYMOUS);
    assertThat(failure(control.authenticate(basic(":"), "/v2/")).status()).isEqualTo(401);
    assertThat(failure(control.authenticate(null, "/v2/")).status()).isEqualTo(401);
    assertThat(failure(control.authenticate(null, "/v2")).status()).isEqualTo(401);
    assertThat(control.allowed(Principal.ANONYMOUS, new RepositoryName("public/base"), Action.PULL)).isTrue();
    assertThat(control.allowed(Principal.ANONYMOUS, new RepositoryName("private/x"), Action.PULL)).isFalse();
  }

  @Test
  void anonymousDenialsCarryTheChallenge() {
    RegistryException error = control(null).unauthorized();

    assertThat(error).isInstanceOf(UnauthorizedException.class);
    assertThat(((UnauthorizedException) error).challenge()).isEqualTo("Basic realm=\"Registry Realm\"");
  }

  @Test
  void rulesDecideWhatAnAuthenticatedUserMayDo() {
    HtpasswdAccessControl control = control(AccessRulesTest.example());
    RepositoryName repository = new RepositoryName("apps/web");

    assertThat(control.allowed(Principal.user("reader"), repository, Action.PULL)).isTrue();
    assertThat(control.allowed(Principal.user("reader"), repository, Action.PUSH)).isFalse();
    assertThat(control.allowed(Principal.user("reader"), repository, Action.DELETE)).isFalse();
  }

  @Test
  void realmQuotesAreEscapedAsGoQuotesThem() {
    assertThat(HtpasswdAccessControl.challengeFor("my \"realm\"")).isEqualTo("Basic realm=\"my \\\"realm\\\"\"");
  }

  @Test
  void passwordChecksRunOnTheirOwnPoolNotOnTheStorageWorkers() throws Exception {
    java.util.List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    BcryptVerifier recording = new BcryptVerifier() {
      @Override
      boolean verify(String hash, byte[] password) {
        threads.add(Thread.currentThread().getName());
        return super.verify(hash, password);
      }
    };
    Path file = dir.resolve("htpasswd");
    HtpasswdAccessControl control = new HtpasswdAccessControl(vertx, new HtpasswdAuthenticator(
        HtpasswdFile.load(file), new VerificationCache(), recording), AccessRules.from(null), "r");

    await(control.authenticate(basic("testuser:testpassword"), "/v2/"));

    assertThat(threads).singleElement().asString().startsWith("berth-bcrypt");
  }
}
