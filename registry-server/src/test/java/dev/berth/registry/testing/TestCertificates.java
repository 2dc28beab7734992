package dev.berth.registry.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and keys for tests, generated with BouncyCastle: CAs, server and client certificates, PEM files. */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A key pair and the certificate issued for it. */
  public record Issued(KeyPair keys, X509Certificate certificate) {
    public PrivateKey privateKey() {
      return keys.getPrivate();
    }
  }

  private TestCertificates() {
  }

  public static KeyPair rsa() {
    return generate("RSA", null);
  }

  public static KeyPair ec() {
    return generate("EC", new ECGenParameterSpec("secp256r1"));
  }

  public static Issued ca(String name) {
    KeyPair keys = rsa();
    return new Issued(keys, sign(name, keys, name, keys.getPrivate(), true, null, Instant.now(),
        Duration.ofDays(30)));
  }

  /** A server certificate for localhost and 127.0.0.1. */
  public static Issued server(Issued ca, KeyPair keys, String commonName) {
    return new Issued(keys, sign("CN=" + commonName, keys, subject(ca), ca.privateKey(), false,
        KeyPurposeId.id_kp_serverAuth, Instant.now(), Duration.ofDays(30)));
  }

  public static Issued client(Issued ca, String commonName, Instant notBefore, Duration validity) {
    KeyPair keys = rsa();
    return new Issued(keys, sign("CN=" + commonName, keys, subject(ca), ca.privateKey(), false,
        KeyPurposeId.id_kp_clientAuth, notBefore, validity));
  }

  public static String certificatePem(X509Certificate... certificates) {
    return pem((Object[]) certificates);
  }

  /** PKCS#1 ({@code RSA PRIVATE KEY}), OpenSSL's traditional format for RSA. */
  public static String pkcs1KeyPem(PrivateKey key) {
    return pem(key);
  }

  /** SEC1 ({@code EC PRIVATE KEY}) with the curve and public key inside, as OpenSSL writes it. */
  public static String sec1KeyPem(KeyPair keys) {
    try {
      ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
      var curve = PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters();
      var publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData();
      var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(key.getParams().getOrder().bitLength(), key.getS(),
          publicKey, curve);
      return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PKCS#8 ({@code PRIVATE KEY}). */
  public static String pkcs8KeyPem(PrivateKey key) {
    try {
      return pem(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String subject(Issued ca) {
    return ca.certificate().getSubjectX500Principal().getName();
  }

  private static X509Certificate sign(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
      boolean isCa, KeyPurposeId purpose, Instant notBefore, Duration validity) {
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Principal(issuer),
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore.minus(Duration.ofMinutes(5))),
          Date.from(notBefore.plus(validity)), new X500Principal(subject), keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      }
      String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException("cannot create test certificate " + subject, e);
    }
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        generator.initialize(spec, new SecureRandom());
      } else {
        generator.initialize(2048, new SecureRandom());
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
