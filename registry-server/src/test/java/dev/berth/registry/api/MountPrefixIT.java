package dev.berth.registry.api;

import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With the API mounted under a prefix ({@code http.prefix}), the URLs it hands out carry the prefix. */
class MountPrefixIT {
  private final InMemoryDriver driver = new InMemoryDriver();
  private final HttpClient client = HttpClient.newHttpClient();
  private Vertx vertx;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    ApiOptions relative = new ApiOptions(true, false, true, null, false, "s");
    Router root = Router.router(vertx);
    root.route("/registry/*").subRouter(RouteTable.create(new RegistryContext(vertx, driver, relative,
        AccessControl.allowAll())));
    HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    base = URI.create("http://127.0.0.1:" + server.actualPort());
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void locationAndLinkHeadersCarryThePrefix() throws Exception {
    String manifest = ManifestFixtures.ociManifest(seedBlob(driver, "app", "c"), seedBlob(driver, "app", "l"));
    Digest digest = Digest.sha256Of(manifest.getBytes(StandardCharsets.UTF_8));
    for (String tag : new String[] {"a", "b"}) {
      HttpResponse<String> put = send(HttpRequest.newBuilder(base.resolve("/registry/v2/app/manifests/" + tag))
          .header("Content-Type", ManifestMediaTypes.OCI_MANIFEST)
          .PUT(HttpRequest.BodyPublishers.ofString(manifest)));
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(put.headers().firstValue("Location")).contains("/registry/v2/app/manifests/" + digest);
    }
    HttpResponse<String> tags = send(HttpRequest.newBuilder(base.resolve("/registry/v2/app/tags/list?n=1")));
    assertThat(tags.headers().firstValue("Link")).contains("</registry/v2/app/tags/list?n=1&last=a>; rel=\"next\"");
    HttpResponse<String> catalog = send(HttpRequest.newBuilder(base.resolve("/registry/v2/_catalog?n=0")));
    assertThat(catalog.statusCode()).isEqualTo(200);
  }
}
