package dev.berth.registry.api;

/**
 * UNAUTHORIZED with the {@code WWW-Authenticate} challenge that tells the client how to authenticate (for
 * htpasswd: {@code Basic realm="…"}); {@link FailureHandler} sends the challenge as a header with the error.
 */
public final class UnauthorizedException extends RegistryException {
  private final String challenge;

  public UnauthorizedException(String challenge, String message) {
    super(ErrorCode.UNAUTHORIZED, message);
    this.challenge = challenge;
  }

  /** The {@code WWW-Authenticate} header value. */
  public String challenge() {
    return challenge;
  }
}
