package dev.berth.bench.http;

import java.io.IOException;

/** The peer closed the connection before sending the first byte of a response (e.g. an idle keep-alive expired). */
public final class ConnectionClosedException extends IOException {
  public ConnectionClosedException() {
    super("connection closed by the server before a response started");
  }
}
