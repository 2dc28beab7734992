package dev.berth.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

  private static ResponseReader reader(String wire) {
    return new ResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), 7);
  }

  @Test
  void contentLengthBodyIsCollectedWhenAskedFor() throws IOException {
    HttpResponse response = reader("HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-A: b\r\n\r\nhello world")
        .read(false, true);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("hello world");
    assertThat(response.header("x-a")).isEqualTo("b");
  }

  @Test
  void uncollectedBodyIsCountedAndDropped() throws IOException {
    HttpResponse response = reader("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world").read(false, false);
    assertThat(response.body()).isNull();
    assertThat(response.bodyLength()).isEqualTo(11);
  }

  @Test
  void chunkedBodyIsDecodedIncludingExtensionsAndTrailers() throws IOException {
    ResponseReader reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n"
        + "HTTP/1.1 204 No Content\r\n\r\n");
    assertThat(reader.read(false, true).bodyText()).isEqualTo("hello world");
    assertThat(reader.read(false, true).status()).isEqualTo(204);
  }

  @Test
  void headResponseHasNoBodyDespiteContentLength() throws IOException {
    ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 1048576\r\n\r\n"
        + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    assertThat(reader.read(true, false).bodyLength()).isZero();
    assertThat(reader.read(true, false).status()).isEqualTo(404);
  }

  @Test
  void bodyWithoutFramingRunsToTheEndAndClosesTheConnection() throws IOException {
    ResponseReader reader = reader("HTTP/1.0 200 OK\r\n\r\nall of it");
    assertThat(reader.read(false, true).bodyText()).isEqualTo("all of it");
    assertThat(reader.mustClose()).isTrue();
  }

  @Test
  void connectionCloseHeaderIsHonoured() throws IOException {
    ResponseReader reader = reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    reader.read(false, false);
    assertThat(reader.mustClose()).isTrue();
  }

  @Test
  void endOfStreamBeforeAnyByteIsAClosedConnection() {
    assertThatThrownBy(() -> reader("").read(false, false)).isInstanceOf(ConnectionClosedException.class);
  }

  @Test
  void truncatedBodyIsAnError() {
    assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").read(false, false))
        .isInstanceOf(EOFException.class).hasMessageContaining("5 bytes before the end");
  }

  @Test
  void garbageStatusLineIsRejectedWithTheLine() {
    assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").read(false, false))
        .isInstanceOf(IOException.class).hasMessageContaining("SSH-2.0-OpenSSH");
  }
}
