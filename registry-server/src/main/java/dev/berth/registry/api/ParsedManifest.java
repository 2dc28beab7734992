package dev.berth.registry.api;

import java.util.List;
import java.util.Map;

/**
 * A manifest that passed {@link ManifestParser}'s structural checks. Image manifests have a config and layers;
 * indexes (Docker manifest lists, OCI image indexes) have child manifests instead.
 *
 * @param mediaType    the manifest's type, from its {@code mediaType} member or, when absent, the Content-Type
 * @param config       the config descriptor of an image manifest; null for indexes
 * @param layers       the layers of an image manifest; empty for indexes
 * @param manifests    the children of an index; empty for image manifests
 * @param subject      the manifest this one refers to (OCI 1.1 referrers), or null
 * @param artifactType the manifest's artifactType, or null
 */
public record ParsedManifest(String mediaType, ManifestDescriptor config, List<ManifestDescriptor> layers,
    List<ManifestDescriptor> manifests, ManifestDescriptor subject, String artifactType,
    Map<String, String> annotations) {

  public ParsedManifest {
    layers = List.copyOf(layers);
    manifests = List.copyOf(manifests);
    annotations = Map.copyOf(annotations);
  }

  public boolean isIndex() {
    return ManifestMediaTypes.isIndex(mediaType);
  }
}
