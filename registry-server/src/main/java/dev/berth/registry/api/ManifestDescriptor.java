package dev.berth.registry.api;

import java.util.List;
import java.util.Map;

/**
 * A content descriptor inside a manifest (config, layer, child manifest or subject).
 *
 * @param urls          where a foreign layer can be fetched; empty when absent
 * @param artifactType  the descriptor's artifactType, or null
 * @param annotations   the descriptor's annotations; empty when absent
 */
public record ManifestDescriptor(String mediaType, Digest digest, long size, List<String> urls,
    String artifactType, Map<String, String> annotations) {

  public ManifestDescriptor {
    urls = List.copyOf(urls);
    annotations = Map.copyOf(annotations);
  }
}
