package dev.berth.operator.model;

/**
 * Where things are inside the registry pod, and the ports it listens on. The config.yml the operator writes
 * and the Deployment that mounts the files both read these, so they can never disagree.
 *
 * <p>Config, certificate and htpasswd arrive through one projected volume at {@link #CONFIG_DIR}, never
 * with {@code subPath}: the kubelet then swaps renewed certificates into running pods.
 */
public final class PodLayout {
  public static final String CONFIG_DIR = "/etc/berth";
  public static final String CONFIG_FILE_NAME = "config.yml";
  public static final String CONFIG_FILE = CONFIG_DIR + "/" + CONFIG_FILE_NAME;
  public static final String TLS_CERT = "tls/tls.crt";
  public static final String TLS_KEY = "tls/tls.key";
  public static final String HTPASSWD = "auth/htpasswd";
  public static final String DATA_DIR = "/var/lib/registry";
  public static final String TMP_DIR = "/tmp";

  public static final int REGISTRY_PORT = 5000;
  public static final int DEBUG_PORT = 5001;
  public static final String REGISTRY_PORT_NAME = "registry";
  public static final String DEBUG_PORT_NAME = "debug";
  public static final String HEALTH_PATH = "/debug/health";

  /** The registry reads http.secret from this variable, so the ConfigMap holds no secret. */
  public static final String HTTP_SECRET_ENV = "REGISTRY_HTTP_SECRET";
  public static final String S3_ACCESS_KEY_ENV = "REGISTRY_STORAGE_S3_ACCESSKEY";
  public static final String S3_SECRET_KEY_ENV = "REGISTRY_STORAGE_S3_SECRETKEY";

  /** Keys inside the Secrets and ConfigMap the operator writes or reads. */
  public static final String HTTP_SECRET_KEY = "http-secret";
  public static final String HTPASSWD_KEY = "htpasswd";
  public static final String TLS_CRT_KEY = "tls.crt";
  public static final String TLS_KEY_KEY = "tls.key";
  public static final String CA_CRT_KEY = "ca.crt";
  public static final String S3_ACCESS_KEY_KEY = "access-key-id";
  public static final String S3_SECRET_KEY_KEY = "secret-access-key";

  private PodLayout() {
  }

  public static String inConfigDir(String relative) {
    return CONFIG_DIR + "/" + relative;
  }
}
