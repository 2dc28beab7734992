package dev.berth.registry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.storage.ManifestStore;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/<name>/referrers/<digest>}: an OCI image index of the manifests in the repository whose
 * {@code subject} is the digest, recorded when they were pushed, plus those listed in an index under the
 * referrers tag schema ({@code <alg>-<hex>}), which clients maintain on registries without the API such as
 * registry:2, as the spec requires of a registry that enables the API on existing content. Always 200 (an empty index for an unknown subject
 * or repository), as the spec forbids 404 from a registry that supports the API. {@code ?artifactType=} filters,
 * announced by {@code OCI-Filters-Applied}.
 */
public final class ReferrersHandler {
  private final RegistryContext context;
  private final ManifestStore store;

  public ReferrersHandler(RegistryContext context) {
    this.context = context;
    this.store = new ManifestStore(context.driver());
  }

  public void list(RoutingContext ctx) {
    RepositoryName repository = RouteTable.repository(ctx);
    Digest subject = Digest.parse(ctx.pathParam("digest"));
    String artifactType = ctx.queryParams().get("artifactType");
    boolean filtered = artifactType != null && !artifactType.isEmpty();
    context.vertx().executeBlocking(() -> referrers(repository, subject), false)
        .onSuccess(referrers -> {
          ObjectNode index = ManifestParser.JSON.createObjectNode();
          index.put("schemaVersion", 2);
          index.put("mediaType", ManifestMediaTypes.OCI_INDEX);
          ArrayNode manifests = index.putArray("manifests");
          referrers.stream()
              .filter(referrer -> !filtered || artifactType.equals(referrer.artifactType()))
              .forEach(referrer -> manifests.add(referrer.toJson()));
          if (filtered) {
            ctx.response().putHeader("OCI-Filters-Applied", "artifactType");
          }
          ctx.response().putHeader("Content-Type", ManifestMediaTypes.OCI_INDEX).end(index.toString());
        })
        .onFailure(ctx::fail);
  }

  private record Referrer(String mediaType, Digest digest, long size, ManifestSummary summary) {
    String artifactType() {
      return summary.referrerArtifactType();
    }

    ObjectNode toJson() {
      ObjectNode node = ManifestParser.JSON.createObjectNode();
      node.put("mediaType", mediaType);
      node.put("digest", digest.toString());
      node.put("size", size);
      if (artifactType() != null) {
        node.put("artifactType", artifactType());
      }
      if (!summary.annotations().isEmpty()) {
        ObjectNode annotations = node.putObject("annotations");
        summary.annotations().forEach(annotations::put);
      }
      return node;
    }
  }

  private List<Referrer> referrers(RepositoryName repository, Digest subject) throws IOException {
    Set<Digest> candidates = new LinkedHashSet<>(store.referrers(repository, subject));
    candidates.addAll(fromTagSchema(repository, subject));
    List<Referrer> result = new ArrayList<>();
    for (Digest digest : candidates) {
      // The link is only an index: the manifest must still be a revision here and still name this subject.
      Optional<byte[]> content = store.read(repository, digest);
      if (content.isEmpty()) {
        continue;
      }
      ManifestSummary summary = ManifestSummary.of(content.get());
      if (subject.equals(summary.subject())) {
        result.add(new Referrer(summary.mediaType(), digest, content.get().length, summary));
      }
    }
    result.sort(Comparator.comparing(referrer -> referrer.digest().toString()));
    return result;
  }

  /** The manifests listed by the index tagged {@code <alg>-<first 64 hex>}, if there is one. */
  private List<Digest> fromTagSchema(RepositoryName repository, Digest subject) throws IOException {
    String hex = subject.hex().length() > 64 ? subject.hex().substring(0, 64) : subject.hex();
    Optional<Digest> index = store.tagTarget(repository, subject.algorithm() + "-" + hex);
    if (index.isEmpty()) {
      return List.of();
    }
    return store.read(repository, index.get()).map(ManifestSummary::children).orElse(List.of());
  }
}
