package dev.berth.registry.server;

/** The server could not start for a reason outside the configuration file (a port in use, say). */
public class StartupException extends RuntimeException {
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
