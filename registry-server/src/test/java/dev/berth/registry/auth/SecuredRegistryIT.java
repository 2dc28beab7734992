package dev.berth.registry.auth;

import static dev.berth.registry.testing.TestCertificates.certificatePem;
import static dev.berth.registry.testing.TestCertificates.pkcs8KeyPem;
import static dev.berth.registry.testing.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.testing.RawHttp;
import dev.berth.registry.testing.RawHttp.Response;
import dev.berth.registry.testing.SecuredRegistry;
import dev.berth.registry.testing.SecuredRegistry.Outcome;
import dev.berth.registry.testing.StorageSnapshot;
import dev.berth.registry.testing.TestHtpasswd;
import dev.berth.registry.testing.TestCertificates;
import dev.berth.registry.testing.TestCertificates.Issued;
import dev.berth.registry.testing.TlsClients;
import dev.berth.registry.testsupport.DirectoryContents;
import dev.berth.registry.testsupport.FreePort;
import dev.berth.registry.testsupport.OciLayoutWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth's jar with htpasswd, access rules and TLS, driven by skopeo and by hand: skopeo trusts the registry
 * through a cert dir holding only the CA, authenticates with --creds, and a pull-only user can neither push,
 * delete, mount nor touch another repository's upload, with storage unchanged after each refusal.
 */
class SecuredRegistryIT {
  @TempDir
  static Path temp;

  private static Issued ca;
  private static SecuredRegistry registry;
  private static Path storage;
  private static Path certDir;
  private static Path layout;
  private static SSLContext client;
  private static RawHttp http;
  private static int debugPort;
  private static Path htpasswdFile;

  @BeforeAll
  static void startRegistry() throws Exception {
    ca = TestCertificates.ca("CN=Berth IT CA");
    Issued server = TestCertificates.server(ca, TestCertificates.ec(), "localhost");
    Path tls = temp.resolve("tls");
    write(tls.resolve("tls.crt"), certificatePem(server.certificate()));
    write(tls.resolve("tls.key"), pkcs8KeyPem(server.privateKey()));
    certDir = temp.resolve("certs.d");
    write(certDir.resolve("ca.crt"), certificatePem(ca.certificate()));
    Path htpasswd = write(temp.resolve("auth/htpasswd"), TestHtpasswd.HTPASSWD_B_LINE
        + "reader:" + TestHtpasswd.hash("2y", "reader-pw") + "\n"
        + "builder:" + TestHtpasswd.hash("2y", "builder-pw") + "\n"
        + "md5user:$apr1$hFaSNsNQ$SSXo.VvzBN0jDW6mNaF5f.\n");
    htpasswdFile = htpasswd;
    storage = Files.createDirectories(temp.resolve("storage"));
    int port = FreePort.pick();
    debugPort = FreePort.pick();
    Path config = write(temp.resolve("config.yml"), """
        version: 0.1
        log:
          level: info
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
          secret: secured-registry-it
          tls:
            certificate: %s
            key: %s
          debug:
            addr: 127.0.0.1:%d
        auth:
          htpasswd:
            realm: Registry Realm
            path: %s
        access:
          groups:
            ci: [builder]
          rules:
            - groups: [ci]
              repositories: ["apps/*"]
              actions: [pull, push]
            - users: [reader]
              repositories: ["**"]
              actions: [pull]
            - users: [testuser]
              repositories: ["**"]
              actions: ["*"]
          anonymous:
            repositories: ["public/**"]
        health:
          storagedriver:
            enabled: true
            interval: 1s
        """.formatted(storage, port, tls.resolve("tls.crt"), tls.resolve("tls.key"), debugPort, htpasswd));
    client = TlsClients.context(ca.certificate(), null);
    registry = SecuredRegistry.start(SecuredRegistry.berthCommand(config), Map.of(), port, client,
        temp.resolve("registry.log"));
    http = new RawHttp("127.0.0.1", port, client);
    layout = temp.resolve("layout");
    new OciLayoutWriter(layout).addImage("v1", 7, 2, 200_000);
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  private static List<String> destination(String creds) {
    return List.of("--dest-cert-dir", certDir.toString(), "--dest-creds", creds);
  }

  private static List<String> source(String creds) {
    return List.of("--src-cert-dir", certDir.toString(), "--src-creds", creds);
  }

  private static String image(String repositoryAndTag) {
    return "docker://" + registry.hostPort() + "/" + repositoryAndTag;
  }

  private static Outcome skopeo(String from, String to, List<String> options) throws Exception {
    return SecuredRegistry.run(SecuredRegistry.skopeoCopy(from, to, options));
  }

  private static Map<String, String> as(String user, String password) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static void push(String repositoryAndTag, String creds) throws Exception {
    Outcome pushed = skopeo("oci:" + layout + ":v1", image(repositoryAndTag), destination(creds));
    assertThat(pushed.exitCode()).as(pushed.output() + "\n" + registry.logTail()).isZero();
  }

  @Test
  void skopeoPushesAndPullsOverTlsTrustingOnlyTheCaWithCredentials() throws Exception {
    push("apps/web:v1", "builder:builder-pw");

    Path pulled = temp.resolve("pulled-web");
    Outcome pull = skopeo(image("apps/web:v1"), "oci:" + pulled + ":v1", source("reader:reader-pw"));

    assertThat(pull.exitCode()).as(pull.output()).isZero();
    assertThat(DirectoryContents.digests(pulled.resolve("blobs")))
        .isEqualTo(DirectoryContents.digests(layout.resolve("blobs")));
  }

  @Test
  void thePullOnlyUserGets403FromSkopeoAndNothingIsWritten() throws Exception {
    Map<String, String> before = StorageSnapshot.of(storage);

    Outcome refused = skopeo("oci:" + layout + ":v1", image("apps/reader-push:v1"), destination("reader:reader-pw"));

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).containsAnyOf("403", "denied");
    assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
  }

  @Test
  void wrongPasswordsAreRefusedBySkopeo() throws Exception {
    Outcome refused = skopeo("oci:" + layout + ":v1", image("apps/wrong:v1"), destination("builder:nope"));

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).containsAnyOf("401", "unauthorized", "authentication required");
  }

  @Test
  void thePullOnlyUserCannotDeleteOrMountAndStorageStaysTheSame() throws Exception {
    push("apps/keep:v1", "builder:builder-pw");
    String manifestDigest = new String(http.send("HEAD", "/v2/apps/keep/manifests/v1",
        merge(as("reader", "reader-pw"), Map.of("Accept", OciLayoutWriter.OCI_MANIFEST))).header(
            "Docker-Content-Digest").orElseThrow().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    Map<String, String> before = StorageSnapshot.of(storage);
    Map<String, String> reader = as("reader", "reader-pw");

    assertThat(http.send("DELETE", "/v2/apps/keep/manifests/" + manifestDigest, reader).status()).isEqualTo(403);
    assertThat(http.send("DELETE", "/v2/apps/keep/manifests/v1", reader).status()).isEqualTo(403);
    Response mount = http.send("POST", "/v2/apps/copy/blobs/uploads/?mount=" + manifestDigest + "&from=apps/keep",
        reader);
    assertThat(mount.status()).isEqualTo(403);

    assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
  }

  @Test
  void mountingFromARepositoryTheCallerCannotPullDoesNotLinkTheBlob() throws Exception {
    push("secret/base:v1", "testuser:testpassword");
    String layer = anyLayerDigest();
    Map<String, String> builder = as("builder", "builder-pw");
    assertThat(http.send("HEAD", "/v2/secret/base/blobs/" + layer, builder).status()).isEqualTo(403);

    Response mount = http.send("POST", "/v2/apps/stolen/blobs/uploads/?mount=" + layer + "&from=secret/base",
        builder);

    assertThat(mount.status()).as(mount.body()).isIn(202, 403);
    assertThat(http.send("HEAD", "/v2/apps/stolen/blobs/" + layer, builder).status()).isEqualTo(404);
  }

  @Test
  void anUploadSessionCannotBeReadOrContinuedFromAnotherRepository() throws Exception {
    Map<String, String> builder = as("builder", "builder-pw");
    Response started = http.send("POST", "/v2/apps/one/blobs/uploads/", builder);
    assertThat(started.status()).isEqualTo(202);
    String location = started.header("Location").orElseThrow();
    String session = location.substring(location.indexOf("/blobs/uploads/") + "/blobs/uploads/".length());
    Map<String, String> before = StorageSnapshot.of(storage);

    Response elsewhere = http.send("GET", "/v2/apps/two/blobs/uploads/" + session, builder);
    Response patched = http.send("PATCH", "/v2/apps/two/blobs/uploads/" + session, builder, new byte[] {1, 2});
    Response denied = http.send("GET", "/v2/secret/base/blobs/uploads/" + session, builder);
    Response readerPeek = http.send("GET", "/v2/apps/one/blobs/uploads/" + session, as("reader", "reader-pw"));

    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("BLOB_UPLOAD_UNKNOWN");
    assertThat(patched.status()).isEqualTo(404);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(readerPeek.status()).isEqualTo(403);
    assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
  }

  @Test
  void theCatalogListsOnlyRepositoriesTheCallerMayPull() throws Exception {
    push("apps/listed:v1", "builder:builder-pw");
    push("secret/hidden:v1", "testuser:testpassword");
    push("public/open:v1", "testuser:testpassword");

    String builderView = http.send("GET", "/v2/_catalog", as("builder", "builder-pw")).body();
    String readerView = http.send("GET", "/v2/_catalog", as("reader", "reader-pw")).body();
    Response anonymousView = http.send("GET", "/v2/_catalog", Map.of());

    assertThat(builderView).contains("apps/listed").doesNotContain("secret/hidden").doesNotContain("public/open");
    assertThat(readerView).contains("apps/listed", "secret/hidden", "public/open");
    assertThat(anonymousView.status()).isEqualTo(200);
    assertThat(anonymousView.body()).contains("public/open").doesNotContain("apps/listed")
        .doesNotContain("secret/hidden");
  }

  @Test
  void anonymousPullWorksOnlyForPublicRepositories() throws Exception {
    push("public/anon:v1", "testuser:testpassword");
    push("apps/private:v1", "builder:builder-pw");

    Path pulled = temp.resolve("anon-pulled");
    Outcome anonymous = skopeo(image("public/anon:v1"), "oci:" + pulled + ":v1",
        List.of("--src-cert-dir", certDir.toString(), "--src-no-creds"));
    Outcome refused = skopeo(image("apps/private:v1"), "oci:" + temp.resolve("anon-refused") + ":v1",
        List.of("--src-cert-dir", certDir.toString(), "--src-no-creds"));

    assertThat(anonymous.exitCode()).as(anonymous.output()).isZero();
    assertThat(refused.exitCode()).isNotZero();
    Response challenge = http.send("GET", "/v2/apps/private/manifests/v1", Map.of());
    assertThat(challenge.status()).isEqualTo(401);
    assertThat(challenge.header("WWW-Authenticate")).contains("Basic realm=\"Registry Realm\"");
  }

  @Test
  void malformedCredentialsAndPathTricksGetClientErrorsOverTls() throws Exception {
    for (String header : List.of("Basic", "Basic ####", "Bearer x", "Basic " + Base64.getEncoder()
        .encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)))) {
      Response response = http.send("GET", "/v2/", Map.of("Authorization", header));
      assertThat(response.status()).as(header).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).as(header).isPresent();
    }
    Map<String, String> builder = as("builder", "builder-pw");
    for (String path : List.of("/v2/apps/x/../../secret/base/manifests/v1",
        "/v2/apps/%2e%2e/secret/base/manifests/v1", "/v2/apps%2F..%2Fsecret%2Fbase/manifests/v1")) {
      Response response = http.send("GET", path, builder);
      assertThat(response.status()).as(path).isIn(400, 403, 404);
      assertThat(response.body()).as(path).doesNotContain("schemaVersion");
    }
  }

  @Test
  void healthIsServedWithoutCredentialsOnTheDebugListenerOnly() throws Exception {
    Response debug = new RawHttp("127.0.0.1", debugPort, null).send("GET", "/debug/health", Map.of());
    Response main = http.send("GET", "/debug/health", Map.of());

    assertThat(debug.status()).isEqualTo(200);
    assertThat(debug.body()).isEqualTo("{}");
    assertThat(main.status()).isIn(401, 404);
  }

  private static String anyLayerDigest() throws Exception {
    for (Map.Entry<String, String> blob : DirectoryContents.digests(layout.resolve("blobs")).entrySet()) {
      if (Files.size(layout.resolve("blobs").resolve(blob.getKey())) > 100_000) {
        return "sha256:" + Path.of(blob.getKey()).getFileName();
      }
    }
    throw new AssertionError("no layer in " + layout);
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    Map<String, String> merged = new java.util.HashMap<>(a);
    merged.putAll(b);
    return merged;
  }

  @Test
  void nonBcryptLinesAreSkippedWithAWarningNamingTheLineNotTheHash() throws Exception {
    Response md5 = http.send("GET", "/v2/", as("md5user", "pw"));

    assertThat(md5.status()).isEqualTo(401);
    assertThat(registry.log()).contains("line 5").contains("md5user").doesNotContain("$apr1$");
  }

  @Test
  void aUserAddedToTheHtpasswdFileCanLogInWithoutARestart() throws Exception {
    String added = Files.readString(htpasswdFile) + "newcomer:" + TestHtpasswd.hash("2y", "new-pw") + "\n";
    Path replacement = Files.writeString(htpasswdFile.resolveSibling("htpasswd.tmp"), added);
    Files.move(replacement, htpasswdFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(() -> http.send("GET", "/v2/", as("newcomer", "new-pw")).status() == 200);
    assertThat(http.send("GET", "/v2/", as("newcomer", "wrong")).status()).isEqualTo(401);
  }
}
