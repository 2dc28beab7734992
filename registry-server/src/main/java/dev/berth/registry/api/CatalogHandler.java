package dev.berth.registry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.storage.RepositoryCatalog;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /v2/_catalog}: repository names in ascending order, only those the caller may pull, paginated by
 * {@code n} (100 when absent and at most 1000, like registry:2's defaults) and {@code last}, with a {@code Link} to
 * the next page.
 */
public final class CatalogHandler {
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;

  private final RegistryContext context;
  private final RepositoryCatalog catalog;

  public CatalogHandler(RegistryContext context) {
    this.context = context;
    this.catalog = new RepositoryCatalog(context.driver());
  }

  public void list(RoutingContext ctx) {
    Pagination pagination = Pagination.parse(ctx.queryParams().get("n"), ctx.queryParams().get("last"),
        DEFAULT_PAGE, MAX_PAGE);
    Principal principal = RouteTable.principal(ctx);
    context.vertx().executeBlocking(() -> pullable(principal, catalog.after(pagination.last())), false)
        .onSuccess(repositories -> {
          Pagination.Page<RepositoryName> page = pagination.page(repositories);
          ObjectNode body = ManifestParser.JSON.createObjectNode();
          ArrayNode names = body.putArray("repositories");
          page.entries().forEach(name -> names.add(name.value()));
          if (page.nextAfter() != null) {
            String path = Locations.path(ctx, "/v2/_catalog");
            ctx.response().putHeader("Link", pagination.nextLink(path, page.nextAfter(), RepositoryName::value));
          }
          ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
        })
        .onFailure(ctx::fail);
  }

  private List<RepositoryName> pullable(Principal principal, List<RepositoryName> repositories) {
    return repositories.stream()
        .filter(name -> context.access().allowed(principal, name, Action.PULL))
        .toList();
  }
}
