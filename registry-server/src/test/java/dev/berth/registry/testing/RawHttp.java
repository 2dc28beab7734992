package dev.berth.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * HTTP/1.1 written by hand, so that a test sends exactly the request line it means (dot segments, encoded
 * slashes and malformed headers included) where a client library would normalize or refuse it.
 */
public final class RawHttp {
  private final String host;
  private final int port;
  private final SSLContext tls;

  /** A response with lower-case header names. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  public RawHttp(String host, int port, SSLContext tls) {
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  public Response send(String method, String rawPath, Map<String, String> headers, byte[] body) throws IOException {
    try (Socket socket = tls == null ? new Socket(host, port) : tls.getSocketFactory().createSocket(host, port)) {
      socket.setSoTimeout(60_000);
      StringBuilder request = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: " + host + ":" + port
          + "\r\nConnection: close\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        request.append("Content-Length: ").append(body.length).append("\r\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        request.append("Content-Length: 0\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(socket.getInputStream(), method.equals("HEAD"));
    }
  }

  public Response send(String method, String rawPath, Map<String, String> headers) throws IOException {
    return send(method, rawPath, headers, null);
  }

  private static Response parse(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("connection closed without a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    if (head) {
      return new Response(status, headers, "");
    }
    boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
    byte[] body = chunked ? dechunk(in) : in.readAllBytes();
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String size = line(in); size != null; size = line(in)) {
      int length = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (length == 0) {
        break;
      }
      body.writeBytes(in.readNBytes(length));
      line(in);
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
