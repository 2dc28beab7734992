package dev.berth.operator.certs;

/** Key algorithms the operator generates: ECDSA on P-256 (default) or RSA. */
public enum KeyType {
  EC_P256("EC", "SHA256withECDSA"),
  RSA("RSA", "SHA256withRSA");

  private final String jcaName;
  private final String signatureAlgorithm;

  KeyType(String jcaName, String signatureAlgorithm) {
    this.jcaName = jcaName;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  public String jcaName() {
    return jcaName;
  }

  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The key type a private key of this JCA algorithm name belongs to. */
  public static KeyType ofJcaName(String algorithm) {
    return "RSA".equals(algorithm) ? RSA : EC_P256;
  }
}
