package dev.berth.operator.certs;

import java.time.Instant;
import java.util.List;

/** What a server certificate must say: its names, addresses and validity window. */
public record ServerCertificateRequest(List<String> dnsNames, List<String> ipAddresses, Instant notBefore,
    Instant notAfter, KeyType keyType) {

  public ServerCertificateRequest {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }
}
