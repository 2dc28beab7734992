package dev.berth.bench;

import dev.berth.bench.registry.Blob;
import dev.berth.bench.registry.BlobFactory;
import dev.berth.bench.registry.ImageManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * All content of a run, generated (and digested) before any server is timed. Both servers get exactly the same
 * bytes in the same order.
 *
 * @param base small image in {@code bench/manifests}; its manifest is what the manifest rows fetch
 * @param pullBlobs one blob per size, seeded into {@code bench/pull}
 * @param pushPools per size, distinct blobs indexed by ticket: no two pushes of a row send the same content
 * @param putManifests distinct manifests over the base image's blobs, indexed by ticket
 * @param images distinct images for the shared-image push row, one per round
 */
public record Fixtures(Image base, Map<Long, Blob> pullBlobs, Map<Long, List<Blob>> pushPools,
    List<ImageManifest> putManifests, List<Image> images) {

  /** How many of each kind the rows need. */
  public record Needs(Map<Long, Integer> pushPoolSizes, int putManifests, int images) {
  }

  public static Fixtures generate(Plan plan, Needs needs, BlobFactory factory) throws IOException {
    Image base = Image.of(smallBlob(factory, "base-config", 0), List.of(smallBlob(factory, "base-layer", 0),
        smallBlob(factory, "base-layer", 1)), 0);
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Map<Long, Future<Blob>> pulls = new LinkedHashMap<>();
      for (long size : plan.blobSizes()) {
        pulls.put(size, pool.submit(() -> factory.create("pull", 0, size)));
      }
      Map<Long, List<Future<Blob>>> pushes = new LinkedHashMap<>();
      needs.pushPoolSizes().forEach((size, count) -> {
        List<Future<Blob>> blobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int index = i;
          blobs.add(pool.submit(() -> factory.create("push", index, size)));
        }
        pushes.put(size, blobs);
      });
      List<Image> images = images(plan, needs.images(), factory);
      List<ImageManifest> manifests = new ArrayList<>(needs.putManifests());
      for (int i = 0; i < needs.putManifests(); i++) {
        manifests.add(ImageManifest.of(base.config(), base.layers(), i + 1L));
      }
      Map<Long, Blob> pullBlobs = new LinkedHashMap<>();
      for (Map.Entry<Long, Future<Blob>> entry : pulls.entrySet()) {
        pullBlobs.put(entry.getKey(), await(entry.getValue()));
      }
      Map<Long, List<Blob>> pushPools = new LinkedHashMap<>();
      for (Map.Entry<Long, List<Future<Blob>>> entry : pushes.entrySet()) {
        List<Blob> blobs = new ArrayList<>();
        for (Future<Blob> blob : entry.getValue()) {
          blobs.add(await(blob));
        }
        pushPools.put(entry.getKey(), List.copyOf(blobs));
      }
      return new Fixtures(base, pullBlobs, pushPools, List.copyOf(manifests), images);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Image> images(Plan plan, int count, BlobFactory factory) throws IOException {
    List<Image> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Blob> layers = new ArrayList<>();
      for (int layer = 0; layer < plan.imageLayers(); layer++) {
        layers.add(factory.create("image-" + i + "-layer", layer, plan.imageLayerSize()));
      }
      images.add(Image.of(smallBlob(factory, "image-config", i), layers, i));
    }
    return List.copyOf(images);
  }

  private static Blob smallBlob(BlobFactory factory, String label, int index) throws IOException {
    return factory.create(label, index, 2048);
  }

  private static Blob await(Future<Blob> blob) throws IOException {
    try {
      return blob.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating blobs", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new UncheckedIOException(new IOException("generating a blob failed", e.getCause()));
    }
  }
}
