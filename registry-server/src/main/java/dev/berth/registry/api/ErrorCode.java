package dev.berth.registry.api;

/**
 * Every error the registry API can return, declared once with its HTTP status and the message the OCI
 * Distribution Specification gives it. Handlers only throw {@link RegistryException}; {@link FailureHandler}
 * is the one place that writes {@code {"errors":[…]}}.
 */
public enum ErrorCode {
  BLOB_UNKNOWN(404, "blob unknown to registry"),
  BLOB_UPLOAD_INVALID(400, "blob upload invalid"),
  BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
  DIGEST_INVALID(400, "provided digest did not match uploaded content"),
  MANIFEST_BLOB_UNKNOWN(400, "manifest references a manifest or blob unknown to registry"),
  MANIFEST_INVALID(400, "manifest invalid"),
  MANIFEST_UNKNOWN(404, "manifest unknown to registry"),
  NAME_INVALID(400, "invalid repository name"),
  NAME_UNKNOWN(404, "repository name not known to registry"),
  SIZE_INVALID(400, "provided length did not match content length"),
  UNAUTHORIZED(401, "authentication required"),
  DENIED(403, "requested access to the resource is denied"),
  UNSUPPORTED(405, "the operation is unsupported"),
  TOOMANYREQUESTS(429, "too many requests"),
  /** Distribution's code for a bad {@code Content-Range}; sent with 416 Range Not Satisfiable. */
  RANGE_INVALID(416, "invalid content range"),
  /** Distribution's code for a bad {@code n} on tag and catalog listings. */
  PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),
  /** Not a client's fault: the only code that maps to a 5xx. */
  UNKNOWN(500, "unknown error");

  private final int status;
  private final String message;

  ErrorCode(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }
}
