package dev.berth.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.testing.RawHttp;
import dev.berth.registry.testing.RawHttp.Response;
import dev.berth.registry.testing.SecuredRegistry;
import dev.berth.registry.testing.SecuredRegistry.Outcome;
import dev.berth.registry.testing.TestHtpasswd;
import dev.berth.registry.testsupport.CommandRunner;
import dev.berth.registry.testsupport.DirectoryContents;
import dev.berth.registry.testsupport.FreePort;
import dev.berth.registry.testsupport.OciLayoutWriter;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup of the guides Berth replaces, unchanged: a certificate made with {@code openssl req -x509}, an
 * htpasswd line written by {@code htpasswd -Bbn}, the registry:2 image's default config.yml, and everything else
 * in REGISTRY_* variables. Run against Berth's jar and, as the reference, Debian's docker-registry 2.8.
 */
class Registry2SetupIT {
  /** The config.yml the registry:2 image ships at /etc/docker/registry/config.yml. */
  private static final String IMAGE_CONFIG = """
      version: 0.1
      log:
        fields:
          service: registry
      storage:
        cache:
          blobdescriptor: inmemory
        filesystem:
          rootdirectory: /var/lib/registry
      http:
        addr: :5000
        headers:
          X-Content-Type-Options: [nosniff]
      health:
        storagedriver:
          enabled: true
          interval: 10s
          threshold: 3
      """;

  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"berth", "registry2"})
  void htpasswdAndTlsFromEnvironmentVariablesWorkUnchanged(String target) throws Exception {
    Path cert = Files.createDirectories(temp.resolve("cert"));
    CommandRunner.run(List.of("openssl", "req", "-x509", "-nodes", "-sha256", "-days", "2", "-newkey", "rsa:2048",
        "-out", cert.resolve("ca.crt").toString(), "-keyout", cert.resolve("ca.key").toString(),
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-addext", "keyUsage=digitalSignature", "-addext", "extendedKeyUsage=serverAuth"));
    Path auth = Files.createDirectories(temp.resolve("auth"));
    Files.writeString(auth.resolve("htpasswd"), TestHtpasswd.HTPASSWD_B_LINE);
    Path config = Files.writeString(temp.resolve("config.yml"), IMAGE_CONFIG);
    Path storage = Files.createDirectories(temp.resolve("registry"));
    int port = FreePort.pick();
    Map<String, String> environment = Map.of(
        "REGISTRY_AUTH", "htpasswd",
        "REGISTRY_AUTH_HTPASSWD_REALM", "Registry Realm",
        "REGISTRY_AUTH_HTPASSWD_PATH", auth.resolve("htpasswd").toString(),
        "REGISTRY_HTTP_ADDR", "127.0.0.1:" + port,
        "REGISTRY_HTTP_TLS_CERTIFICATE", cert.resolve("ca.crt").toString(),
        "REGISTRY_HTTP_TLS_KEY", cert.resolve("ca.key").toString(),
        "REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", storage.toString());
    X509Certificate serverCert;
    try (var in = new FileInputStream(cert.resolve("ca.crt").toFile())) {
      serverCert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    SSLContext client = dev.berth.registry.testing.TlsClients.context(serverCert, null);
    Function<Path, List<String>> command = target.equals("berth")
        ? SecuredRegistry::berthCommand : SecuredRegistry::registry2Command;

    try (SecuredRegistry registry = SecuredRegistry.start(command.apply(config), environment, port, client,
        temp.resolve("registry.log"))) {
      Response challenge = new RawHttp("127.0.0.1", port, client).send("GET", "/v2/", Map.of());
      assertThat(challenge.status()).isEqualTo(401);
      assertThat(challenge.header("WWW-Authenticate")).contains("Basic realm=\"Registry Realm\"");

      // docker's /etc/docker/certs.d/<host>/ca.crt, as the guides copy it.
      Path certsD = Files.createDirectories(temp.resolve("certs.d"));
      Files.copy(cert.resolve("ca.crt"), certsD.resolve("ca.crt"));
      Path layout = temp.resolve("layout");
      new OciLayoutWriter(layout).addImage("v1", 11, 2, 100_000);
      String image = "docker://" + registry.hostPort() + "/myproject/app:v1";

      Outcome push = SecuredRegistry.run(SecuredRegistry.skopeoCopy("oci:" + layout + ":v1", image,
          List.of("--dest-cert-dir", certsD.toString(), "--dest-creds", "testuser:testpassword")));
      assertThat(push.exitCode()).as(push.output() + "\n" + registry.logTail()).isZero();
      Path pulled = temp.resolve("pulled");
      Outcome pull = SecuredRegistry.run(SecuredRegistry.skopeoCopy(image, "oci:" + pulled + ":v1",
          List.of("--src-cert-dir", certsD.toString(), "--src-creds", "testuser:testpassword")));
      assertThat(pull.exitCode()).as(pull.output()).isZero();
      assertThat(DirectoryContents.digests(pulled.resolve("blobs")))
          .isEqualTo(DirectoryContents.digests(layout.resolve("blobs")));

      Outcome anonymous = SecuredRegistry.run(SecuredRegistry.skopeoCopy(image, "oci:" + temp.resolve("anon") + ":v1",
          List.of("--src-cert-dir", certsD.toString(), "--src-no-creds")));
      assertThat(anonymous.exitCode()).isNotZero();
      assertThat(storage.resolve("docker/registry/v2/repositories/myproject/app/_manifests")).isDirectory();
    }
  }
}
