package dev.berth.operator.pullsecrets;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A short reason for status from an API error (forbidden, quota, ...), without the client's request dump. */
final class FailureReasons {
  private FailureReasons() {
  }

  static String of(String what, KubernetesClientException e) {
    var status = e.getStatus();
    String detail = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
    String reason = status != null && status.getReason() != null ? status.getReason() : "HTTP " + e.getCode();
    return what + ": " + reason + ": " + detail;
  }
}
