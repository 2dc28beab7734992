package dev.berth.registry.api;

/**
 * A failure that the API reports to the client as an OCI error. Carries the code, an optional detail
 * (serialized as the error's {@code detail} member) and an optional status override for the few places where
 * the specification asks for a status other than the code's usual one (e.g. 413 for an oversized manifest).
 */
public class RegistryException extends RuntimeException {
  private final ErrorCode code;
  private final Object detail;
  private final int status;

  public RegistryException(ErrorCode code) {
    this(code, null, code.message());
  }

  public RegistryException(ErrorCode code, String message) {
    this(code, null, message);
  }

  public RegistryException(ErrorCode code, Object detail, String message) {
    this(code, detail, message, code.status());
  }

  public RegistryException(ErrorCode code, Object detail, String message, int status) {
    super(message == null ? code.message() : message, null, false, false);
    this.code = code;
    this.detail = detail;
    this.status = status;
  }

  public ErrorCode code() {
    return code;
  }

  public Object detail() {
    return detail;
  }

  public int status() {
    return status;
  }
}
