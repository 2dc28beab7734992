package dev.berth.registry.tls;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A server certificate chain and its private key, read from the PEM files {@code http.tls.certificate} and
 * {@code http.tls.key} and checked before use: the certificate file holds at least one certificate, the key
 * file holds an unencrypted RSA, EC or Ed25519 key in any of the layouts OpenSSL writes (PKCS#1
 * {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY} with or without {@code EC PARAMETERS}, PKCS#8
 * {@code PRIVATE KEY}), and the key belongs to the first certificate. Both are re-encoded as plain PEM
 * (certificates, PKCS#8 key) so the TLS engine only ever sees one layout.
 */
public record PemKeyPair(List<X509Certificate> chain, String certificatePem, String privateKeyPem) {

  public PemKeyPair {
    chain = List.copyOf(chain);
  }

  /** Blocking: reads and checks both files; fails with a message naming the file at fault. */
  public static PemKeyPair read(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = readCertificates(certificateFile, "http.tls.certificate");
    PrivateKey key = readPrivateKey(keyFile);
    if (!belongTogether(key, chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException("http.tls.key " + keyFile + " is not the private key of the certificate "
          + "in http.tls.certificate " + certificateFile + " (" + chain.get(0).getSubjectX500Principal() + ")");
    }
    return new PemKeyPair(chain, certificatesPem(chain), pem("PRIVATE KEY", key.getEncoded()));
  }

  @Override
  public String toString() {
    return "PemKeyPair[" + leaf().getSubjectX500Principal() + ", key hidden]";
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public PemKeyCertOptions toKeyCertOptions() {
    return new PemKeyCertOptions()
        .addCertValue(Buffer.buffer(certificatePem))
        .addKeyValue(Buffer.buffer(privateKeyPem));
  }

  /** Reads one or more PEM certificates, for the server chain or a client CA file. */
  public static List<X509Certificate> readCertificates(Path file, String setting) {
    byte[] content = readFile(file, setting);
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (var certificate : factory.generateCertificates(new ByteArrayInputStream(content))) {
        certificates.add((X509Certificate) certificate);
      }
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalArgumentException(setting + " " + file + " is not a PEM certificate file: " + e.getMessage());
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(setting + " " + file + " holds no PEM certificate");
    }
    return certificates;
  }

  static String certificatesPem(List<X509Certificate> certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(pem("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateException e) {
        throw new IllegalArgumentException("cannot re-encode certificate " + certificate.getSubjectX500Principal(), e);
      }
    }
    return pem.toString();
  }

  private static PrivateKey readPrivateKey(Path file) {
    String text = new String(readFile(file, "http.tls.key"), StandardCharsets.UTF_8);
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        PrivateKeyInfo info = privateKeyInfo(item, file);
        if (info != null) {
          return new JcaPEMKeyConverter().getPrivateKey(info);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("http.tls.key " + file + " is not a PEM private key: " + e.getMessage());
    }
    throw new IllegalArgumentException("http.tls.key " + file + " holds no PEM private key");
  }

  /** The key in a PEM object, null for objects that may accompany a key (EC PARAMETERS, certificates). */
  private static PrivateKeyInfo privateKeyInfo(Object item, Path file) {
    if (item instanceof PEMKeyPair pair) {
      return pair.getPrivateKeyInfo();
    }
    if (item instanceof PrivateKeyInfo info) {
      return info;
    }
    if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new IllegalArgumentException("the key is encrypted; registry:2 and Berth need an unencrypted key "
          + "(openssl pkey -in " + file + " -out plain.key)");
    }
    return null;
  }

  /** Signs a random challenge with the key and verifies it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new IllegalArgumentException("unsupported private key type " + key.getAlgorithm()
          + "; use an RSA, EC or Ed25519 key");
    };
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] readFile(Path file, String setting) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(setting + " " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + " " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
