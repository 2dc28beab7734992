package dev.berth.operator.certs;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's CA as kept in its Secret: the current CA with its key, plus retired CA certificates that
 * still vouch for a certificate in use. {@code ca.crt} is the trust bundle clients use (current first);
 * {@code ca.key} is the current CA's key.
 */
public record CaBundle(IssuedCertificate current, List<X509Certificate> retired) {
  public static final String CA_CRT = "ca.crt";
  public static final String CA_KEY = "ca.key";

  public CaBundle {
    retired = List.copyOf(retired);
  }

  /** Every CA certificate clients should trust: the current one, then the retired ones still in use. */
  public List<X509Certificate> trusted() {
    List<X509Certificate> all = new ArrayList<>();
    all.add(current.certificate());
    all.addAll(retired);
    return all;
  }

  public String trustBundlePem() {
    return Pem.encode(trusted());
  }

  public Map<String, String> secretData() {
    return Map.of(CA_CRT, trustBundlePem(), CA_KEY, current.privateKeyPem());
  }

  /** Reads back what {@link #secretData()} wrote; empty when missing or unreadable. */
  public static Optional<CaBundle> fromSecretData(Map<String, String> data) {
    if (data == null) {
      return Optional.empty();
    }
    String bundle = data.get(CA_CRT);
    Optional<IssuedCertificate> current = Pem.pair(bundle, data.get(CA_KEY));
    if (current.isEmpty() || !Certificates.keyMatches(current.get())) {
      return Optional.empty();
    }
    List<X509Certificate> all = Pem.certificates(bundle);
    return Optional.of(new CaBundle(current.get(), all.subList(1, all.size())));
  }

  /** The CA in this bundle that signed {@code certificate}, if any. */
  public Optional<X509Certificate> signerOf(X509Certificate certificate) {
    return trusted().stream().filter(ca -> Certificates.isSignedBy(certificate, ca)).findFirst();
  }
}
