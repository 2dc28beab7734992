package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnusedFeaturesTest {

  @Test
  void nettysJfrEventsAndDnsClientAreOffAfterSwitchingOff() {
    UnusedFeatures.switchOff();

    assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("false");
    assertThat(System.getProperty("vertx.disableDnsResolver")).isEqualTo("true");
  }

  @Test
  void aPropertyGivenOnTheCommandLineWins() {
    String before = System.getProperty("io.netty.jfr.enabled");
    System.setProperty("io.netty.jfr.enabled", "true");
    try {
      UnusedFeatures.switchOff();

      assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("true");
    } finally {
      if (before == null) {
        System.clearProperty("io.netty.jfr.enabled");
      } else {
        System.setProperty("io.netty.jfr.enabled", before);
      }
    }
  }
}
