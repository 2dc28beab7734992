package dev.berth.bench.registry;

import java.util.Optional;

/** Reads the {@code rel="next"} target of a pagination Link header: {@code </v2/_catalog?last=a&n=100>; rel="next"}. */
public final class LinkHeader {
  private LinkHeader() {
  }

  public static Optional<String> next(String header) {
    if (header == null) {
      return Optional.empty();
    }
    for (String link : header.split(",")) {
      int open = link.indexOf('<');
      int close = link.indexOf('>', open + 1);
      if (open < 0 || close < 0) {
        continue;
      }
      String params = link.substring(close + 1).replace(" ", "");
      if (params.contains("rel=\"next\"") || params.contains("rel=next")) {
        return Optional.of(link.substring(open + 1, close).trim());
      }
    }
    return Optional.empty();
  }
}
