package dev.berth.registry.api;

/**
 * The configuration switches the API handlers act on, taken from {@code config.yml} once at start.
 *
 * @param deleteEnabled   {@code storage.delete.enabled}: DELETE of blobs and manifests is allowed
 * @param readOnly        {@code storage.maintenance.readonly.enabled}: every write answers 405
 * @param relativeUrls    {@code http.relativeurls}: Location headers carry only the path
 * @param host            {@code http.host}: externally visible base URL for absolute Location headers, or null
 * @param redirectDisabled {@code storage.redirect.disable}
 * @param httpSecret      {@code http.secret}: key that signs upload session state shared between replicas
 */
public record ApiOptions(boolean deleteEnabled, boolean readOnly, boolean relativeUrls, String host,
    boolean redirectDisabled, String httpSecret) {

  public static ApiOptions defaults() {
    return new ApiOptions(false, false, false, null, false, "berth-test-secret");
  }

  public ApiOptions withDeleteEnabled(boolean enabled) {
    return new ApiOptions(enabled, readOnly, relativeUrls, host, redirectDisabled, httpSecret);
  }

  public ApiOptions withReadOnly(boolean enabled) {
    return new ApiOptions(deleteEnabled, enabled, relativeUrls, host, redirectDisabled, httpSecret);
  }
}
