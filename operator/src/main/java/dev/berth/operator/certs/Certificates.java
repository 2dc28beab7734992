package dev.berth.operator.certs;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Questions asked about existing certificates when deciding whether to keep them. */
public final class Certificates {
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private Certificates() {
  }

  public static boolean isSignedBy(X509Certificate certificate, X509Certificate ca) {
    if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** True when the private key belongs to the certificate (a sign-and-verify round trip). */
  public static boolean keyMatches(IssuedCertificate pair) {
    try {
      KeyType type = KeyType.ofJcaName(pair.privateKey().getAlgorithm());
      byte[] probe = "berth-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(type.signatureAlgorithm());
      signer.initSign(pair.privateKey());
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(type.signatureAlgorithm());
      verifier.initVerify(pair.certificate().getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  public static Instant notAfter(X509Certificate certificate) {
    return certificate.getNotAfter().toInstant();
  }

  public static KeyType keyType(X509Certificate certificate) {
    return KeyType.ofJcaName(certificate.getPublicKey().getAlgorithm());
  }

  public static Set<String> dnsNames(X509Certificate certificate) {
    return sanValues(certificate, SAN_DNS);
  }

  /** IP SANs in canonical textual form, so "::1" and "0:0:0:0:0:0:0:1" compare equal. */
  public static Set<String> ipAddresses(X509Certificate certificate) {
    Set<String> result = new TreeSet<>();
    sanValues(certificate, SAN_IP).forEach(ip -> result.add(canonicalIp(ip)));
    return result;
  }

  public static Set<String> canonicalIps(Collection<String> ips) {
    Set<String> result = new TreeSet<>();
    ips.forEach(ip -> result.add(canonicalIp(ip)));
    return result;
  }

  /** The canonical form of an IP literal; throws IllegalArgumentException for anything else. */
  public static String canonicalIp(String ip) {
    if (ip == null || !ip.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    try {
      return InetAddress.getByName(ip).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }

  private static Set<String> sanValues(X509Certificate certificate, int type) {
    Set<String> result = new TreeSet<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (((Integer) san.get(0)) == type) {
            result.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      return result;
    }
    return result;
  }
}
