package dev.berth.operator.certs;

import java.time.Duration;

/**
 * Validity and renewal windows, in one place. The CA renews long before it expires and at least one server
 * certificate lifetime ahead, so the last certificate it signed expires before it does.
 */
public record CertificateSettings(Duration caValidity, Duration caRenewBefore, Duration serverValidity,
    Duration serverRenewBefore, KeyType keyType) {

  public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);
  public static final Duration DEFAULT_CA_RENEW_BEFORE = Duration.ofDays(365);
  public static final Duration DEFAULT_SERVER_VALIDITY = Duration.ofHours(2160);
  public static final Duration DEFAULT_SERVER_RENEW_BEFORE = Duration.ofHours(720);
  /** Longest server certificate the CA schedule can cover (see the class comment). */
  public static final Duration MAX_SERVER_VALIDITY = DEFAULT_CA_RENEW_BEFORE;
  /** Backdating absorbs clock skew between the operator and clients. */
  public static final Duration BACKDATE = Duration.ofMinutes(5);

  public CertificateSettings {
    if (serverRenewBefore.compareTo(serverValidity) >= 0) {
      throw new IllegalArgumentException("renewBefore must be shorter than the certificate's duration");
    }
  }

  public static CertificateSettings defaults() {
    return new CertificateSettings(DEFAULT_CA_VALIDITY, DEFAULT_CA_RENEW_BEFORE, DEFAULT_SERVER_VALIDITY,
        DEFAULT_SERVER_RENEW_BEFORE, KeyType.EC_P256);
  }
}
