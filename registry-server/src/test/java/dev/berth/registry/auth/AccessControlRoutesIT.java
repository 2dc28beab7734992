package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.api.ApiOptions;
import dev.berth.registry.api.RegistryContext;
import dev.berth.registry.api.RouteTable;
import dev.berth.registry.config.AccessConfig;
import dev.berth.registry.storage.FilesystemDriver;
import dev.berth.registry.testing.RawHttp;
import dev.berth.registry.testing.RawHttp.Response;
import dev.berth.registry.testing.StorageSnapshot;
import dev.berth.registry.testsupport.SeededBytes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route table with htpasswd and access rules in front of it, in process: who gets 401 (with the Basic
 * challenge), who gets 403, and that refused requests leave the storage exactly as it was.
 */
class AccessControlRoutesIT {
  private static final String DIGEST = "sha256:" + "a".repeat(64);

  @TempDir
  Path dir;
  private Vertx vertx;
  private RawHttp http;
  private Path storage;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    start(AccessRulesTest.example());
  }

  /** The example rules: CI pushes apps, reader pulls everything, anonymous pulls public/**. */
  private void start(AccessConfig access) throws Exception {
    storage = Files.createDirectories(dir.resolve("storage"));
    Files.createDirectories(storage.resolve("docker/registry/v2/repositories/apps/web/_layers"));
    Path htpasswd = Files.writeString(dir.resolve("htpasswd"), HtpasswdEntriesTest.HTPASSWD_B_LINE
        + "reader:" + HtpasswdAuthenticatorTest.hash("2y", "reader-pw") + "\n"
        + "builder:" + HtpasswdAuthenticatorTest.hash("2y", "builder-pw") + "\n"
        + "admin:" + HtpasswdAuthenticatorTest.hash("2y", "admin-pw") + "\n");
    HtpasswdAccessControl control = new HtpasswdAccessControl(vertx,
        new HtpasswdAuthenticator(HtpasswdFile.load(htpasswd)), AccessRules.from(access), "Registry Realm");
    RegistryContext context = new RegistryContext(vertx, new FilesystemDriver(storage),
        ApiOptions.defaults().withDeleteEnabled(true), control);
    HttpServer server = vertx.createHttpServer().requestHandler(RouteTable.create(context))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    http = new RawHttp("127.0.0.1", server.actualPort(), null);
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static Map<String, String> as(String user, String password) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertChallenged(Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).contains("Basic realm=\"Registry Realm\"");
    assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
  }

  @Test
  void withoutAnonymousAccessEveryEndpointChallengesCallersWithoutCredentials() throws Exception {
    AccessConfig noAnonymous = AccessRulesTest.example();
    noAnonymous.anonymous = null;
    start(noAnonymous);

    assertChallenged(http.send("GET", "/v2/", Map.of()));
    assertChallenged(http.send("GET", "/v2/_catalog", Map.of()));
    assertChallenged(http.send("GET", "/v2/apps/web/manifests/latest", Map.of()));
    assertChallenged(http.send("POST", "/v2/apps/web/blobs/uploads/", Map.of()));
  }

  @Test
  void wrongPasswordsAndUnknownUsersAreChallenged() throws Exception {
    assertChallenged(http.send("GET", "/v2/", as("testuser", "wrong")));
    assertChallenged(http.send("GET", "/v2/", as("nobody", "testpassword")));
    assertChallenged(http.send("GET", "/v2/", as("testuser", "")));
  }

  @Test
  void malformedAuthorizationHeadersAre401NotServerErrors() throws Exception {
    for (String header : List.of("Basic", "Basic !!!!", "Bearer abc", "Basic " + Base64.getEncoder()
        .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)), "Basic " + Base64.getEncoder()
        .encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, ':', 'x'}), "Digest username=\"a\"")) {
      assertChallenged(http.send("GET", "/v2/", Map.of("Authorization", header)));
    }
  }

  @Test
  void validCredentialsPassAuthentication() throws Exception {
    Response response = http.send("GET", "/v2/", as("testuser", "testpassword"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("WWW-Authenticate")).isEmpty();
  }

  @Test
  void aPullOnlyUserIsDeniedEveryWriteAndNothingChanges() throws Exception {
    Map<String, String> before = StorageSnapshot.of(storage);
    Map<String, String> reader = as("reader", "reader-pw");

    List<Response> refused = List.of(
        http.send("POST", "/v2/apps/web/blobs/uploads/", reader),
        http.send("POST", "/v2/apps/web/blobs/uploads/?digest=" + DIGEST, reader, new byte[] {1, 2, 3}),
        http.send("POST", "/v2/apps/web/blobs/uploads/?mount=" + DIGEST + "&from=apps/api", reader),
        http.send("PATCH", "/v2/apps/web/blobs/uploads/some-session", reader, new byte[] {1}),
        http.send("PUT", "/v2/apps/web/blobs/uploads/some-session?digest=" + DIGEST, reader),
        http.send("GET", "/v2/apps/web/blobs/uploads/some-session", reader),
        http.send("DELETE", "/v2/apps/web/blobs/uploads/some-session", reader),
        http.send("PUT", "/v2/apps/web/manifests/latest",
            Map.of("Authorization", reader.get("Authorization"),
                "Content-Type", "application/vnd.oci.image.manifest.v1+json"), "{}".getBytes()),
        http.send("DELETE", "/v2/apps/web/manifests/" + DIGEST, reader),
        http.send("DELETE", "/v2/apps/web/blobs/" + DIGEST, reader));

    for (Response response : refused) {
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).contains("\"code\":\"DENIED\"");
    }
    assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
  }

  @Test
  void aUserIsDeniedRepositoriesNoRuleGivesThem() throws Exception {
    Map<String, String> builder = as("builder", "builder-pw");

    assertThat(http.send("GET", "/v2/infra/db/manifests/latest", builder).status()).isEqualTo(403);
    assertThat(http.send("GET", "/v2/apps/web/cache/tags/list", builder).status()).isEqualTo(403);
    assertThat(http.send("GET", "/v2/infra/db/blobs/" + DIGEST, builder).status()).isEqualTo(403);
  }

  @Test
  void pathTricksNeverReachADeniedRepository() throws Exception {
    Map<String, String> builder = as("builder", "builder-pw");

    for (String path : List.of(
        "/v2/apps/web/../../infra/db/manifests/latest",
        "/v2/apps/web/%2e%2e/%2e%2e/infra/db/manifests/latest",
        "/v2/apps%2fweb%2f..%2f..%2finfra%2fdb/manifests/latest",
        "/v2/apps/./web/manifests/latest",
        "/v2/apps//web/manifests/latest",
        "/v2/apps/web%00/manifests/latest",
        "/v2/apps\\web/manifests/latest")) {
      Response response = http.send("GET", path, builder);
      assertThat(response.status()).as(path).isIn(400, 403, 404);
      assertThat(response.body()).as(path).doesNotContain("infra/db\"").doesNotContain("UNKNOWN");
    }
  }

  @Test
  void anonymousCallersMayPullOnlyPublicRepositoriesAndAreChallengedElsewhere() throws Exception {
    Response publicPull = http.send("GET", "/v2/public/base/tags/list", Map.of());
    assertThat(publicPull.status()).as("allowed through; the repository does not exist").isEqualTo(404);

    assertChallenged(http.send("GET", "/v2/apps/web/tags/list", Map.of()));
    assertChallenged(http.send("POST", "/v2/public/base/blobs/uploads/", Map.of()));
    assertChallenged(http.send("DELETE", "/v2/public/base/manifests/" + DIGEST, Map.of()));
    assertChallenged(http.send("GET", "/v2/", Map.of()));
  }

  /** Pushes a config blob and an OCI manifest referring to it; returns the config blob's digest. */
  private String pushImage(String repository, Map<String, String> credentials) throws Exception {
    byte[] config = ("{\"repository\":\"" + repository + "\"}").getBytes(StandardCharsets.UTF_8);
    String configDigest = SeededBytes.digestOf(config);
    Response blob = http.send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + configDigest,
        merge(credentials, Map.of("Content-Type", "application/octet-stream")), config);
    assertThat(blob.status()).as(blob.body()).isEqualTo(201);
    String manifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
         "layers":[]}""".formatted(configDigest, config.length);
    Response put = http.send("PUT", "/v2/" + repository + "/manifests/v1",
        merge(credentials, Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json")),
        manifest.getBytes(StandardCharsets.UTF_8));
    assertThat(put.status()).as(put.body()).isEqualTo(201);
    return configDigest;
  }

  private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
    Map<String, String> merged = new java.util.HashMap<>(first);
    merged.putAll(second);
    return merged;
  }

  @Test
  void theCatalogListsOnlyRepositoriesTheCallerMayPull() throws Exception {
    Map<String, String> admin = as("admin", "admin-pw");
    pushImage("apps/listed", admin);
    pushImage("infra/hidden", admin);
    pushImage("public/open", admin);

    String builderView = http.send("GET", "/v2/_catalog", as("builder", "builder-pw")).body();
    String readerView = http.send("GET", "/v2/_catalog", as("reader", "reader-pw")).body();
    Response anonymousView = http.send("GET", "/v2/_catalog", Map.of());

    assertThat(builderView).contains("apps/listed").doesNotContain("infra/hidden").doesNotContain("public/open");
    assertThat(readerView).contains("apps/listed", "infra/hidden", "public/open");
    assertThat(anonymousView.status()).isEqualTo(200);
    assertThat(anonymousView.body()).contains("public/open").doesNotContain("apps/listed")
        .doesNotContain("infra/hidden");
  }

  @Test
  void anUploadSessionCannotBeReadOrContinuedThroughAnotherRepository() throws Exception {
    Map<String, String> builder = as("builder", "builder-pw");
    Response started = http.send("POST", "/v2/apps/one/blobs/uploads/", builder);
    assertThat(started.status()).isEqualTo(202);
    String location = started.header("Location").orElseThrow();
    String session = location.substring(location.indexOf("/blobs/uploads/") + "/blobs/uploads/".length());
    Map<String, String> before = StorageSnapshot.of(storage);

    Response elsewhere = http.send("GET", "/v2/apps/two/blobs/uploads/" + session, builder);
    Response patched = http.send("PATCH", "/v2/apps/two/blobs/uploads/" + session,
        merge(builder, Map.of("Content-Type", "application/octet-stream")), new byte[] {1, 2});
    Response completed = http.send("PUT", "/v2/apps/two/blobs/uploads/" + session + "&digest=" + DIGEST,
        builder, new byte[0]);
    Response denied = http.send("GET", "/v2/infra/db/blobs/uploads/" + session, builder);
    Response readerPeek = http.send("GET", "/v2/apps/one/blobs/uploads/" + session, as("reader", "reader-pw"));

    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("BLOB_UPLOAD_UNKNOWN");
    assertThat(patched.status()).isEqualTo(404);
    assertThat(completed.status()).isIn(400, 404);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(readerPeek.status()).isEqualTo(403);
    assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
  }

  @Test
  void mountingFromARepositoryTheCallerCannotPullNeverLinksTheBlob() throws Exception {
    String secret = pushImage("infra/base", as("admin", "admin-pw"));
    Map<String, String> builder = as("builder", "builder-pw");
    assertThat(http.send("HEAD", "/v2/infra/base/blobs/" + secret, builder).status()).isEqualTo(403);

    Response mount = http.send("POST", "/v2/apps/stolen/blobs/uploads/?mount=" + secret + "&from=infra/base",
        builder);

    assertThat(mount.status()).as("a plain upload session instead of a mount").isEqualTo(202);
    assertThat(http.send("HEAD", "/v2/apps/stolen/blobs/" + secret, builder).status()).isEqualTo(404);
  }
}
