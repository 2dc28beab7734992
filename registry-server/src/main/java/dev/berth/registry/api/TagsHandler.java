package dev.berth.registry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.storage.ManifestStore;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2/<name>/tags/list}: the repository's tags in the spec's lexical order (case-insensitive, ties
 * broken by the exact string), paginated by {@code n} and {@code last} with a {@code Link} to the next page.
 */
public final class TagsHandler {
  /** Case-insensitive first, as the spec words "lexical order", then exact, so the order is total. */
  static final Comparator<String> TAG_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private final RegistryContext context;
  private final ManifestStore store;

  public TagsHandler(RegistryContext context) {
    this.context = context;
    this.store = new ManifestStore(context.driver());
  }

  public void list(RoutingContext ctx) {
    RepositoryName repository = RouteTable.repository(ctx);
    Pagination pagination = Pagination.parse(ctx.queryParams().get("n"), ctx.queryParams().get("last"), null, null);
    context.vertx().executeBlocking(() -> tagsAfter(repository, pagination.last()), false)
        .onSuccess(tags -> {
          Pagination.Page<String> page = pagination.page(tags);
          ObjectNode body = ManifestParser.JSON.createObjectNode();
          body.put("name", repository.value());
          ArrayNode names = body.putArray("tags");
          page.entries().forEach(names::add);
          if (page.nextAfter() != null) {
            String path = Locations.path(ctx, "/v2/" + repository + "/tags/list");
            ctx.response().putHeader("Link", pagination.nextLink(path, page.nextAfter(), tag -> tag));
          }
          ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
        })
        .onFailure(ctx::fail);
  }

  private List<String> tagsAfter(RepositoryName repository, String last) throws IOException {
    List<String> tags = store.tags(repository);
    if (tags.isEmpty() && !store.repositoryExists(repository)) {
      throw new RegistryException(ErrorCode.NAME_UNKNOWN, Map.of("name", repository.value()),
          "repository " + repository + " is not known to this registry");
    }
    return tags.stream()
        .filter(Tag::isValid)
        .filter(tag -> last == null || TAG_ORDER.compare(tag, last) > 0)
        .sorted(TAG_ORDER)
        .toList();
  }
}
