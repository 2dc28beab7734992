package dev.berth.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

  @Test
  void absoluteLocationIsReducedToPathAndQuery() {
    assertThat(HttpRequest.originForm("http://127.0.0.1:5000/v2/a/blobs/uploads/u?_state=x%3D"))
        .isEqualTo("/v2/a/blobs/uploads/u?_state=x%3D");
    assertThat(HttpRequest.originForm("/v2/a/blobs/uploads/u")).isEqualTo("/v2/a/blobs/uploads/u");
    assertThat(HttpRequest.originForm("https://registry.example")).isEqualTo("/");
  }

  @Test
  void relativeTargetWithoutSlashIsRefused() {
    assertThatThrownBy(() -> HttpRequest.of("GET", "v2/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v2/");
  }

  @Test
  void emptyPutStillDeclaresItsLengthButGetDoesNot() {
    String put = new String(HttpConnection.head(HttpRequest.of("PUT", "/v2/x"), "h:1"), StandardCharsets.UTF_8);
    String get = new String(HttpConnection.head(HttpRequest.of("GET", "/v2/").withHeader("Accept", "a/b"), "h:1"),
        StandardCharsets.UTF_8);
    assertThat(put).isEqualTo("PUT /v2/x HTTP/1.1\r\nHost: h:1\r\nContent-Length: 0\r\n\r\n");
    assertThat(get).isEqualTo("GET /v2/ HTTP/1.1\r\nHost: h:1\r\nAccept: a/b\r\n\r\n");
  }

  @Test
  void bodyLengthIsDeclared() {
    HttpRequest request = HttpRequest.of("PATCH", "/u").withBody(new RequestBody.Bytes(new byte[5]));
    assertThat(new String(HttpConnection.head(request, "h"), StandardCharsets.UTF_8))
        .contains("Content-Length: 5\r\n");
  }
}
