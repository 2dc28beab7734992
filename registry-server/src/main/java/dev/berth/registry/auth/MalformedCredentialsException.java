package dev.berth.registry.auth;

/** An {@code Authorization} header that cannot be read; the message is safe to send to the client. */
public final class MalformedCredentialsException extends RuntimeException {
  public MalformedCredentialsException(String message) {
    super(message, null, false, false);
  }
}
