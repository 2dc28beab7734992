package dev.berth.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses HTTP/1.1 responses from one connection's input: status line, headers, and a body framed by
 * Content-Length, chunked transfer coding, or the end of the connection. Bodies not asked for are read into a
 * reused buffer and dropped, so pulling 100 MiB costs the client one copy and no allocation.
 */
public final class ResponseReader {
  private static final int MAX_LINE = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;
  private boolean mustClose;

  public ResponseReader(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** True when the last response said {@code Connection: close} or was framed by the end of the connection. */
  public boolean mustClose() {
    return mustClose;
  }

  public HttpResponse read(boolean headRequest, boolean collectBody) throws IOException {
    if (!fill()) {
      throw new ConnectionClosedException();
    }
    String statusLine = readLine();
    int status = parseStatus(statusLine);
    Map<String, String> headers = readHeaders();
    mustClose = "close".equalsIgnoreCase(headers.get("connection"));
    BodySink sink = new BodySink(collectBody);
    if (!headRequest && status >= 200 && status != 204 && status != 304) {
      readBody(headers, sink);
    }
    return new HttpResponse(status, headers, sink.bytes(), sink.length);
  }

  private void readBody(Map<String, String> headers, BodySink sink) throws IOException {
    String transferEncoding = headers.get("transfer-encoding");
    String contentLength = headers.get("content-length");
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      readChunked(sink);
    } else if (contentLength != null) {
      readExactly(parseLength(contentLength), sink);
    } else {
      mustClose = true;
      readToEnd(sink);
    }
  }

  private void readChunked(BodySink sink) throws IOException {
    while (true) {
      String sizeLine = readLine();
      int extension = sizeLine.indexOf(';');
      String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size line: '" + sizeLine + "'");
      }
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers carry nothing the benchmark needs
        }
        return;
      }
      readExactly(size, sink);
      if (!readLine().isEmpty()) {
        throw new IOException("chunk of " + size + " bytes not followed by CRLF");
      }
    }
  }

  private void readExactly(long length, BodySink sink) throws IOException {
    long remaining = length;
    while (remaining > 0) {
      if (position == limit && !fill()) {
        throw new EOFException("connection ended " + remaining + " bytes before the end of the body");
      }
      int take = (int) Math.min(remaining, limit - position);
      sink.accept(buffer, position, take);
      position += take;
      remaining -= take;
    }
  }

  private void readToEnd(BodySink sink) throws IOException {
    while (position < limit || fill()) {
      sink.accept(buffer, position, limit - position);
      position = limit;
    }
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line: '" + line + "'");
      }
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static int parseStatus(String statusLine) throws IOException {
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
    }
    try {
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad status code in '" + statusLine + "'");
    }
  }

  private static long parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value.trim());
      if (length < 0) {
        throw new IOException("negative Content-Length: " + value);
      }
      return length;
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: '" + value + "'");
    }
  }

  /** One line without its CRLF (a bare LF is accepted too). */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("connection ended in the middle of a line");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("header line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) (b & 0xff));
    }
  }

  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private static final class BodySink {
    private final ByteArrayOutputStream collected;
    private long length;

    BodySink(boolean collect) {
      this.collected = collect ? new ByteArrayOutputStream() : null;
    }

    void accept(byte[] bytes, int offset, int count) {
      length += count;
      if (collected != null) {
        collected.write(bytes, offset, count);
      }
    }

    byte[] bytes() {
      return collected == null ? null : collected.toByteArray();
    }
  }
}
