package dev.berth.operator.dependent;

/** Names of the dependents in the workflow; also the names of their event sources. */
public final class DependentNames {
  public static final String SERVICE_ACCOUNT = "service-account";
  public static final String SERVICE = "service";
  public static final String HTTP_SECRET = "http-secret";
  public static final String CREDENTIALS = "credentials";
  public static final String HTPASSWD = "htpasswd";
  public static final String CA = "ca";
  public static final String TLS = "tls";
  public static final String CONFIG_MAP = "config-map";
  public static final String PVC = "pvc";
  public static final String DEPLOYMENT = "deployment";
  public static final String PDB = "pdb";

  private DependentNames() {
  }
}
