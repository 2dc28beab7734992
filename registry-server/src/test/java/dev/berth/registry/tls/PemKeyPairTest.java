package dev.berth.registry.tls;

import static dev.berth.registry.testing.TestCertificates.certificatePem;
import static dev.berth.registry.testing.TestCertificates.pkcs8KeyPem;
import static dev.berth.registry.testing.TestCertificates.pkcs1KeyPem;
import static dev.berth.registry.testing.TestCertificates.sec1KeyPem;
import static dev.berth.registry.testing.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.testing.TestCertificates;
import dev.berth.registry.testing.TestCertificates.Issued;
import java.io.StringWriter;
import java.nio.file.Path;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeyPairTest {
  private static Issued ca;
  private static Issued rsaServer;
  private static Issued ecServer;

  @TempDir
  Path dir;

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.ca("CN=Test CA");
    rsaServer = TestCertificates.server(ca, TestCertificates.rsa(), "rsa.localhost");
    ecServer = TestCertificates.server(ca, TestCertificates.ec(), "ec.localhost");
  }

  private PemKeyPair read(String certificate, String key) {
    return PemKeyPair.read(write(dir.resolve("tls.crt"), certificate), write(dir.resolve("tls.key"), key));
  }

  @Test
  void readsPkcs1RsaKeys() {
    String pem = pkcs1KeyPem(rsaServer.privateKey());
    assertThat(pem).contains("BEGIN RSA PRIVATE KEY");

    PemKeyPair pair = read(certificatePem(rsaServer.certificate()), pem);

    assertThat(pair.leaf()).isEqualTo(rsaServer.certificate());
    assertThat(pair.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void readsPkcs8RsaAndEcKeys() {
    assertThat(read(certificatePem(rsaServer.certificate()), pkcs8KeyPem(rsaServer.privateKey())).leaf())
        .isEqualTo(rsaServer.certificate());
    assertThat(read(certificatePem(ecServer.certificate()), pkcs8KeyPem(ecServer.privateKey())).leaf())
        .isEqualTo(ecServer.certificate());
  }

  @Test
  void readsSec1EcKeysEvenAfterAnEcParametersBlock() {
    String sec1 = sec1KeyPem(ecServer.keys());
    assertThat(sec1).contains("BEGIN EC PRIVATE KEY");
    // What 'openssl ecparam -genkey -name prime256v1' writes.
    String withParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + sec1;

    assertThat(read(certificatePem(ecServer.certificate()), withParameters).leaf())
        .isEqualTo(ecServer.certificate());
  }

  @Test
  void keepsTheWholeChainOfAFullchainFile() {
    PemKeyPair pair = read(certificatePem(rsaServer.certificate(), ca.certificate()),
        pkcs8KeyPem(rsaServer.privateKey()));

    assertThat(pair.chain()).containsExactly(rsaServer.certificate(), ca.certificate());
    assertThat(pair.certificatePem().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
  }

  @Test
  void toleratesTextAroundThePemBlocks() {
    String decorated = "subject=CN = rsa.localhost\nissuer=CN = Test CA\n" + certificatePem(rsaServer.certificate());

    assertThat(read(decorated, pkcs8KeyPem(rsaServer.privateKey())).leaf()).isEqualTo(rsaServer.certificate());
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() {
    assertThatThrownBy(() -> read(certificatePem(rsaServer.certificate()), pkcs8KeyPem(ecServer.privateKey())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls.key")
        .hasMessageContaining("tls.crt")
        .hasMessageContaining("not the private key");
    Issued otherRsa = TestCertificates.server(ca, TestCertificates.rsa(), "other");
    assertThatThrownBy(() -> read(certificatePem(rsaServer.certificate()), pkcs8KeyPem(otherRsa.privateKey())))
        .hasMessageContaining("not the private key");
  }

  @Test
  void garbageIsRefusedNamingTheFile() {
    assertThatThrownBy(() -> read("not a certificate", pkcs8KeyPem(rsaServer.privateKey())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.tls.certificate")
        .hasMessageContaining("tls.crt");
    assertThatThrownBy(() -> read(certificatePem(rsaServer.certificate()), "garbage\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.tls.key")
        .hasMessageContaining("tls.key");
    assertThatThrownBy(() -> read("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        pkcs8KeyPem(rsaServer.privateKey())))
        .hasMessageContaining("http.tls.certificate");
  }

  @Test
  void missingFilesAreNamed() {
    Path key = write(dir.resolve("tls.key"), pkcs8KeyPem(rsaServer.privateKey()));

    assertThatThrownBy(() -> PemKeyPair.read(dir.resolve("missing.crt"), key))
        .hasMessageContaining("missing.crt").hasMessageContaining("does not exist");
  }

  @Test
  void encryptedKeysAreRefusedWithAHint() throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaPKCS8Generator(rsaServer.privateKey(),
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
              .setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray())
              .build()));
    }

    assertThatThrownBy(() -> read(certificatePem(rsaServer.certificate()), out.toString()))
        .hasMessageContaining("encrypted");
  }

  @Test
  void neverPrintsTheKey() {
    PemKeyPair pair = read(certificatePem(rsaServer.certificate()), pkcs8KeyPem(rsaServer.privateKey()));

    assertThat(pair.toString()).doesNotContain("PRIVATE KEY").contains("rsa.localhost");
  }
}
