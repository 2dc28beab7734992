package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod's volumes. Config, certificate and htpasswd are one projected volume at /etc/berth (no subPath,
 * so renewed certificates reach running pods); data is the claim or an emptyDir; /tmp is writable scratch
 * for the read-only root filesystem.
 */
public final class PodVolumes {
  public static final String CONFIG = "config";
  public static final String DATA = "data";
  public static final String TMP = "tmp";

  private PodVolumes() {
  }

  public static List<Volume> volumes(EffectiveSpec spec) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder().withName(CONFIG).withNewProjected().withSources(projections(spec))
        .endProjected().build());
    switch (spec.storageKind()) {
      case PVC, EXISTING_CLAIM -> volumes.add(new VolumeBuilder().withName(DATA)
          .withNewPersistentVolumeClaim().withClaimName(spec.claimName()).endPersistentVolumeClaim().build());
      case EMPTY_DIR -> volumes.add(new VolumeBuilder().withName(DATA).withNewEmptyDir()
          .withSizeLimit(spec.emptyDirSizeLimit() != null ? new Quantity(spec.emptyDirSizeLimit()) : null)
          .endEmptyDir().build());
      case S3 -> {
        // S3 needs no data volume.
      }
    }
    volumes.add(new VolumeBuilder().withName(TMP).withNewEmptyDir().endEmptyDir().build());
    return volumes;
  }

  private static List<VolumeProjection> projections(EffectiveSpec spec) {
    Registry registry = spec.registry();
    List<VolumeProjection> sources = new ArrayList<>();
    sources.add(new VolumeProjectionBuilder().withNewConfigMap().withName(RegistryNames.configMap(registry))
        .withItems(item(PodLayout.CONFIG_FILE_NAME, PodLayout.CONFIG_FILE_NAME)).endConfigMap().build());
    if (spec.tlsEnabled()) {
      sources.add(new VolumeProjectionBuilder().withNewSecret().withName(spec.tlsSecretName())
          .withItems(item(PodLayout.TLS_CRT_KEY, PodLayout.TLS_CERT), item(PodLayout.TLS_KEY_KEY, PodLayout.TLS_KEY))
          .endSecret().build());
    }
    if (spec.htpasswdSecretName() != null) {
      sources.add(new VolumeProjectionBuilder().withNewSecret().withName(spec.htpasswdSecretName())
          .withItems(item(PodLayout.HTPASSWD_KEY, PodLayout.HTPASSWD)).endSecret().build());
    }
    return sources;
  }

  private static KeyToPath item(String key, String path) {
    return new KeyToPath(key, null, path);
  }
}
