package dev.berth.registry.server;

/**
 * Switches off, through the system properties Netty and Vert.x read when they load, features the registry never
 * uses but would otherwise pay for while it starts. A property given on the command line ({@code -D}) wins.
 */
final class UnusedFeatures {
  private UnusedFeatures() {
  }

  /** Must run before Netty or Vert.x classes load; later, the properties are no longer read. */
  static void switchOff() {
    // Netty's JFR events about its buffer allocator: with them on, the first buffer allocated (on the first
    // request) sets up JFR's event metadata, about a hundred classes on the path to the first response.
    setUnlessGiven("io.netty.jfr.enabled", "false");
    // Netty's asynchronous DNS client, which Vert.x sets up at creation (reading resolv.conf and hosts). The
    // registry opens no outbound connections: it only resolves the host of http.addr, once, while starting, which
    // the JDK's resolver does as well. A storage driver that connects out would want it back.
    setUnlessGiven("vertx.disableDnsResolver", "true");
  }

  private static void setUnlessGiven(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
