package dev.berth.registry.config;

/**
 * A parsed {@code http.addr}: Go's {@code host:port} syntax as registry:2 accepts it ({@code :5000},
 * {@code 0.0.0.0:443}, {@code 127.0.0.1:0}, {@code [::1]:5000}, {@code registry.local:5000}).
 *
 * @param host the host or IP literal (without brackets); empty means every interface
 * @param port 0 to 65535; 0 lets the system pick a free port
 */
public record ListenAddress(String host, int port) {

  /** Parses host:port, throwing {@link ConfigException} naming {@code http.addr} and the value. */
  public static ListenAddress parse(String addr) {
    String expected = "host:port such as :5000, 0.0.0.0:443 or [::1]:5000";
    if (addr == null) {
      throw ConfigException.invalidValue("http.addr", null, expected);
    }
    int colon = addr.lastIndexOf(':');
    if (colon < 0) {
      throw ConfigException.invalidValue("http.addr", addr, expected);
    }
    String host = addr.substring(0, colon);
    String port = addr.substring(colon + 1);
    if (host.startsWith("[") || host.endsWith("]")) {
      if (!(host.startsWith("[") && host.endsWith("]")) || host.length() < 3) {
        throw ConfigException.invalidValue("http.addr", addr, expected);
      }
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      // An IPv6 literal needs brackets, as in Go: "::1:5000" is ambiguous.
      throw ConfigException.invalidValue("http.addr", addr, expected);
    }
    if (host.contains(" ") || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      throw ConfigException.invalidValue("http.addr", addr, expected);
    }
    return new ListenAddress(host, Integer.parseInt(port));
  }

  /** The host to bind: an empty host means every interface, as in Go. */
  public String bindHost() {
    return host.isEmpty() ? "0.0.0.0" : host;
  }

  /** host:port with brackets around IPv6 literals, for log lines. */
  public static String format(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
