package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** The served certificate's expiry and when the operator will renew it (RFC 3339). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CertificateStatus {
  public String notAfter;
  public String renewalTime;

  public CertificateStatus() {
  }

  public CertificateStatus(String notAfter, String renewalTime) {
    this.notAfter = notAfter;
    this.renewalTime = renewalTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateStatus c && Objects.equals(notAfter, c.notAfter)
        && Objects.equals(renewalTime, c.renewalTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(notAfter, renewalTime);
  }
}
