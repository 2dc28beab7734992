package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

  @Test
  void parsesTheFormsRegistry2Accepts() {
    assertThat(ListenAddress.parse(":5000")).isEqualTo(new ListenAddress("", 5000));
    assertThat(ListenAddress.parse("0.0.0.0:443")).isEqualTo(new ListenAddress("0.0.0.0", 443));
    assertThat(ListenAddress.parse("127.0.0.1:0")).isEqualTo(new ListenAddress("127.0.0.1", 0));
    assertThat(ListenAddress.parse("[::1]:5000")).isEqualTo(new ListenAddress("::1", 5000));
    assertThat(ListenAddress.parse("registry.local:5000")).isEqualTo(new ListenAddress("registry.local", 5000));
  }

  @Test
  void emptyHostBindsEveryInterface() {
    assertThat(ListenAddress.parse(":5000").bindHost()).isEqualTo("0.0.0.0");
    assertThat(ListenAddress.parse("[::1]:5000").bindHost()).isEqualTo("::1");
  }

  @Test
  void formatsIpv6WithBrackets() {
    assertThat(ListenAddress.format("::1", 80)).isEqualTo("[::1]:80");
    assertThat(ListenAddress.format("127.0.0.1", 80)).isEqualTo("127.0.0.1:80");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5000", "localhost", ":", ":65536", ":-1", "::1:5000", "[::1:5000", "host:port",
      "a b:80"})
  void rejectsMalformedAddressesNamingTheKey(String addr) {
    assertThatThrownBy(() -> ListenAddress.parse(addr))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid value for http.addr: \"" + addr + "\"");
  }
}
