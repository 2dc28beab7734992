package dev.berth.operator.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues X.509 certificates with BouncyCastle's builders and the JDK's key generators. */
public final class BouncyCastleIssuer implements CertificateIssuer {
  private static final int RSA_CA_BITS = 3072;
  private static final int RSA_SERVER_BITS = 2048;

  private final SecureRandom random;

  public BouncyCastleIssuer() {
    this(new SecureRandom());
  }

  public BouncyCastleIssuer(SecureRandom random) {
    this.random = random;
  }

  @Override
  public IssuedCertificate createCa(String commonName, Instant notBefore, Instant notAfter, KeyType keyType) {
    KeyPair keys = generate(keyType, RSA_CA_BITS);
    X500Name subject = name(commonName);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(notBefore),
          Date.from(notAfter), subject, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new IssuedCertificate(sign(builder, keys, keyType), keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot create CA certificate", e);
    }
  }

  @Override
  public IssuedCertificate issueServer(IssuedCertificate ca, ServerCertificateRequest request) {
    KeyPair keys = generate(request.keyType(), RSA_SERVER_BITS);
    String commonName = request.dnsNames().isEmpty() ? "registry" : request.dnsNames().get(0);
    KeyType caKeyType = KeyType.ofJcaName(ca.privateKey().getAlgorithm());
    int usage = request.keyType() == KeyType.RSA
        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
          Date.from(request.notBefore()), Date.from(request.notAfter()), name(commonName), keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(request))
          .addExtension(Extension.authorityKeyIdentifier, false,
              ext.createAuthorityKeyIdentifier(ca.certificate()))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate cert = sign(builder, new KeyPair(ca.certificate().getPublicKey(), ca.privateKey()), caKeyType);
      return new IssuedCertificate(cert, keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue server certificate", e);
    }
  }

  private static GeneralNames subjectAlternativeNames(ServerCertificateRequest request) {
    List<GeneralName> names = new ArrayList<>();
    request.dnsNames().forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    request.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private KeyPair generate(KeyType type, int rsaBits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type.jcaName());
      if (type == KeyType.RSA) {
        generator.initialize(rsaBits, random);
      } else {
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + type + " key", e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer, KeyType signerType)
      throws GeneralSecurityException {
    try {
      var contentSigner = new JcaContentSignerBuilder(signerType.signatureAlgorithm()).build(signer.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private BigInteger serial() {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Berth").addRDN(BCStyle.CN, commonName).build();
  }
}
