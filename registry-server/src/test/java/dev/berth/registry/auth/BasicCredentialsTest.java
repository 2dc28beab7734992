package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
  private static String basic(byte[] userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword);
  }

  private static String basic(String userColonPassword) {
    return basic(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUserAndPassword() {
    BasicCredentials credentials = BasicCredentials.parse(basic("alice:s3cret"));

    assertThat(credentials.user()).isEqualTo("alice");
    assertThat(credentials.password()).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void schemeIsCaseInsensitiveAndExtraSpacesAreTolerated() {
    String encoded = Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));

    assertThat(BasicCredentials.parse("basic " + encoded).user()).isEqualTo("alice");
    assertThat(BasicCredentials.parse("BASIC   " + encoded + " ").user()).isEqualTo("alice");
  }

  @Test
  void passwordMayContainColonsAndAnyBytes() {
    byte[] raw = {'u', ':', 'a', ':', (byte) 0xff, (byte) 0xfe};
    BasicCredentials credentials = BasicCredentials.parse(basic(raw));

    assertThat(credentials.user()).isEqualTo("u");
    assertThat(credentials.password()).containsExactly('a', ':', (byte) 0xff, (byte) 0xfe);
  }

  @Test
  void passwordMayBeEmpty() {
    assertThat(BasicCredentials.parse(basic("u:")).password()).isEmpty();
  }

  @Test
  void refusesOtherSchemes() {
    assertThatThrownBy(() -> BasicCredentials.parse("Bearer abc.def"))
        .isInstanceOf(MalformedCredentialsException.class).hasMessageContaining("only Basic");
    assertThatThrownBy(() -> BasicCredentials.parse("Basic"))
        .isInstanceOf(MalformedCredentialsException.class);
    assertThatThrownBy(() -> BasicCredentials.parse(""))
        .isInstanceOf(MalformedCredentialsException.class);
  }

  @Test
  void refusesInvalidBase64WithoutEchoingIt() {
    assertThatThrownBy(() -> BasicCredentials.parse("Basic !!!not-base64@@@"))
        .isInstanceOf(MalformedCredentialsException.class)
        .hasMessageContaining("base64")
        .hasMessageNotContaining("!!!");
  }

  @Test
  void refusesCredentialsWithoutColon() {
    assertThatThrownBy(() -> BasicCredentials.parse(basic("justauser")))
        .isInstanceOf(MalformedCredentialsException.class).hasMessageContaining("':'");
  }

  @Test
  void refusesAnEmptyUserWithAPassword() {
    assertThatThrownBy(() -> BasicCredentials.parse(basic(":pw")))
        .isInstanceOf(MalformedCredentialsException.class).hasMessageContaining("empty user");
  }

  @Test
  void anEmptyUserAndPasswordAreNoCredentials() {
    assertThat(BasicCredentials.parse(basic(":")).isEmpty()).isTrue();
    assertThat(BasicCredentials.parse(basic("u:")).isEmpty()).isFalse();
  }

  @Test
  void refusesAUserNameThatIsNotUtf8() {
    assertThatThrownBy(() -> BasicCredentials.parse(basic(new byte[] {(byte) 0xc3, (byte) 0x28, ':', 'p'})))
        .isInstanceOf(MalformedCredentialsException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void refusesOversizedHeaders() {
    assertThatThrownBy(() -> BasicCredentials.parse(basic("u:" + "x".repeat(10_000))))
        .isInstanceOf(MalformedCredentialsException.class).hasMessageContaining("too long");
  }

  @Test
  void neverPrintsThePassword() {
    BasicCredentials credentials = BasicCredentials.parse(basic("alice:s3cret"));

    assertThat(credentials.toString()).contains("alice").doesNotContain("s3cret");
  }

  @Test
  void printableUserStripsControlCharacters() {
    BasicCredentials credentials = BasicCredentials.parse(basic("evil\nINFO fake log line:pw"));

    assertThat(credentials.printableUser()).doesNotContain("\n").startsWith("evil?INFO");
  }
}
