package dev.berth.bench.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * One persistent HTTP/1.1 connection, used by one worker thread at a time. Written for the benchmark instead of
 * using {@code java.net.http.HttpClient}, whose per-request overhead (measured on this machine: about half the
 * requests per second of a plain socket at concurrency 1) would otherwise dominate the small-request figures
 * and compress the ratios. File bodies go out with sendfile ({@link FileChannel#transferTo}).
 */
public final class HttpConnection implements Closeable {
  private static final int READ_BUFFER = 256 * 1024;

  private final InetSocketAddress address;
  private final String hostHeader;
  private final int readTimeoutMillis;
  private SocketChannel channel;
  private ResponseReader reader;

  public HttpConnection(InetSocketAddress address, Duration readTimeout) {
    this.address = address;
    this.hostHeader = address.getHostString() + ":" + address.getPort();
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
  }

  /**
   * Sends the request and reads the whole response. A request on a kept-alive connection that the server has
   * meanwhile closed is sent once more on a new connection, as browsers and HTTP clients do.
   */
  public HttpResponse exchange(HttpRequest request) throws IOException {
    boolean reused = channel != null;
    try {
      return exchangeOnce(request);
    } catch (ConnectionClosedException | java.nio.channels.ClosedChannelException e) {
      close();
      if (!reused) {
        throw e;
      }
      return exchangeOnce(request);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private HttpResponse exchangeOnce(HttpRequest request) throws IOException {
    open();
    send(request);
    HttpResponse response = reader.read(request.isHead(), request.collectBody());
    if (reader.mustClose()) {
      close();
    }
    return response;
  }

  private void open() throws IOException {
    if (channel != null) {
      return;
    }
    SocketChannel opened = SocketChannel.open();
    try {
      opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
      opened.connect(address);
      opened.socket().setSoTimeout(readTimeoutMillis);
      reader = new ResponseReader(opened.socket().getInputStream(), READ_BUFFER);
      channel = opened;
    } catch (IOException e) {
      opened.close();
      throw e;
    }
  }

  private void send(HttpRequest request) throws IOException {
    ByteBuffer head = ByteBuffer.wrap(head(request, hostHeader));
    RequestBody body = request.body();
    if (body instanceof RequestBody.Bytes bytes) {
      writeFully(new ByteBuffer[] {head, ByteBuffer.wrap(bytes.bytes())});
    } else {
      writeFully(new ByteBuffer[] {head});
      if (body instanceof RequestBody.FileRegion region) {
        sendFile(region);
      }
    }
  }

  static byte[] head(HttpRequest request, String host) {
    StringBuilder head = new StringBuilder(256);
    head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    if (request.body().length() > 0 || sendsContentLength(request.method())) {
      head.append("Content-Length: ").append(request.body().length()).append("\r\n");
    }
    head.append("\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean sendsContentLength(String method) {
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  private void writeFully(ByteBuffer[] buffers) throws IOException {
    long remaining = 0;
    for (ByteBuffer buffer : buffers) {
      remaining += buffer.remaining();
    }
    while (remaining > 0) {
      remaining -= channel.write(buffers);
    }
  }

  private void sendFile(RequestBody.FileRegion region) throws IOException {
    try (FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ)) {
      long position = region.offset();
      long end = region.offset() + region.length();
      while (position < end) {
        long sent = file.transferTo(position, end - position, channel);
        if (sent <= 0 && file.size() < end) {
          throw new IOException(region.path() + " is shorter than the region to send");
        }
        position += sent;
      }
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
      channel = null;
      reader = null;
    }
  }
}
