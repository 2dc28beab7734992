package dev.berth.operator.model;

import dev.berth.operator.certs.CertificateSettings;
import dev.berth.operator.certs.KeyType;
import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.AuthSpec;
import dev.berth.operator.crd.KeyAlgorithm;
import dev.berth.operator.crd.PvcStorage;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.S3Storage;
import dev.berth.operator.crd.ServiceSpec;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.crd.TlsSpec;
import dev.berth.registry.config.GoDuration;
import java.util.List;
import java.util.Map;

/**
 * A Registry's spec with every default applied. The CRD carries the same defaults, but the operator cannot
 * rely on them (older CRDs, API servers that skip defaulting), so they are applied here once, for everyone.
 * Call only on a spec that {@link SpecValidator} accepted.
 */
public final class EffectiveSpec {
  public static final String DEFAULT_PVC_SIZE = "10Gi";
  public static final int DEFAULT_PORT = 5000;
  public static final String READ_WRITE_ONCE = "ReadWriteOnce";
  public static final String READ_WRITE_MANY = "ReadWriteMany";

  private final Registry registry;
  private final RegistrySpec spec;
  private final String defaultImage;

  public EffectiveSpec(Registry registry, String defaultImage) {
    this.registry = registry;
    this.spec = registry.getSpec() != null ? registry.getSpec() : new RegistrySpec();
    this.defaultImage = defaultImage;
  }

  public Registry registry() {
    return registry;
  }

  public RegistrySpec raw() {
    return spec;
  }

  public int replicas() {
    return spec.replicas != null ? spec.replicas : 1;
  }

  public String image() {
    return spec.image != null && !spec.image.isBlank() ? spec.image : defaultImage;
  }

  public StorageKind storageKind() {
    StorageSpec storage = spec.storage;
    if (storage == null || storage.pvc != null) {
      return pvc().existingClaim != null ? StorageKind.EXISTING_CLAIM : StorageKind.PVC;
    }
    return storage.s3 != null ? StorageKind.S3 : StorageKind.EMPTY_DIR;
  }

  public PvcStorage pvc() {
    return spec.storage != null && spec.storage.pvc != null ? spec.storage.pvc : new PvcStorage();
  }

  public String pvcSize() {
    return pvc().size != null ? pvc().size : DEFAULT_PVC_SIZE;
  }

  public List<String> accessModes() {
    List<String> modes = pvc().accessModes;
    return modes != null && !modes.isEmpty() ? modes : List.of(READ_WRITE_ONCE);
  }

  public boolean retainOnDelete() {
    return !Boolean.FALSE.equals(pvc().retainOnDelete);
  }

  /** The claim the pods mount, for PVC and EXISTING_CLAIM storage. */
  public String claimName() {
    return storageKind() == StorageKind.EXISTING_CLAIM ? pvc().existingClaim : RegistryNames.pvc(registry);
  }

  /** Pods of a single-writer claim cannot overlap during a rollout. */
  public boolean needsRecreateStrategy() {
    StorageKind kind = storageKind();
    return (kind == StorageKind.PVC || kind == StorageKind.EXISTING_CLAIM)
        && !accessModes().contains(READ_WRITE_MANY);
  }

  public S3Storage s3() {
    return spec.storage != null ? spec.storage.s3 : null;
  }

  public String emptyDirSizeLimit() {
    return spec.storage != null && spec.storage.emptyDir != null ? spec.storage.emptyDir.sizeLimit : null;
  }

  public TlsSpec tls() {
    return spec.tls != null ? spec.tls : new TlsSpec();
  }

  public TlsMode tlsMode() {
    return tls().mode != null ? tls().mode : TlsMode.Generated;
  }

  public boolean tlsEnabled() {
    return tlsMode() != TlsMode.Disabled;
  }

  /** The Secret the pods mount for TLS: the generated one or the user's. */
  public String tlsSecretName() {
    return tlsMode() == TlsMode.Secret ? tls().secretName : RegistryNames.tlsSecret(registry);
  }

  public List<String> extraDnsNames() {
    return tls().dnsNames != null ? tls().dnsNames : List.of();
  }

  public List<String> extraIpAddresses() {
    return tls().ipAddresses != null ? tls().ipAddresses : List.of();
  }

  public CertificateSettings certificateSettings() {
    CertificateSettings defaults = CertificateSettings.defaults();
    KeyType keyType = tls().keyAlgorithm == KeyAlgorithm.RSA ? KeyType.RSA : KeyType.EC_P256;
    return new CertificateSettings(defaults.caValidity(), defaults.caRenewBefore(),
        tls().duration != null ? GoDuration.parse(tls().duration) : defaults.serverValidity(),
        tls().renewBefore != null ? GoDuration.parse(tls().renewBefore) : defaults.serverRenewBefore(), keyType);
  }

  public AuthMode authMode() {
    AuthSpec auth = spec.auth;
    return auth != null && auth.mode != null ? auth.mode : AuthMode.Generated;
  }

  /** The Secret holding the htpasswd file the pods mount, or null without authentication. */
  public String htpasswdSecretName() {
    return switch (authMode()) {
      case Generated -> RegistryNames.htpasswdSecret(registry);
      case Secret -> spec.auth.htpasswdSecret;
      case None -> null;
    };
  }

  public ServiceSpec.ServiceType serviceType() {
    return spec.service != null && spec.service.type != null ? spec.service.type : ServiceSpec.ServiceType.ClusterIP;
  }

  public int servicePort() {
    return spec.service != null && spec.service.port != null ? spec.service.port : DEFAULT_PORT;
  }

  public Map<String, String> serviceAnnotations() {
    return spec.service != null && spec.service.annotations != null ? spec.service.annotations : Map.of();
  }

  public Map<String, Object> userConfig() {
    return spec.config != null ? spec.config : Map.of();
  }
}
