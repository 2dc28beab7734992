package dev.berth.bench;

import dev.berth.bench.registry.Blob;
import dev.berth.bench.registry.ImageManifest;
import java.util.ArrayList;
import java.util.List;

/** A complete image to push: config, layers, and the manifest over them. */
public record Image(Blob config, List<Blob> layers, ImageManifest manifest) {
  public Image {
    layers = List.copyOf(layers);
  }

  public static Image of(Blob config, List<Blob> layers, long serial) {
    return new Image(config, layers, ImageManifest.of(config, layers, serial));
  }

  /** Config first, then layers: the order docker and containerd push in. */
  public List<Blob> blobs() {
    List<Blob> all = new ArrayList<>(layers.size() + 1);
    all.add(config);
    all.addAll(layers);
    return all;
  }
}
