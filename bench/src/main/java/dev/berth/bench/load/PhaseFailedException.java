package dev.berth.bench.load;

/** An operation of a phase failed; the message names the request and the server's answer. */
public final class PhaseFailedException extends Exception {
  public PhaseFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
