package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;

/**
 * A cross-repository mount ({@code POST ...?mount=<digest>&from=<repository>}) the caller may attempt. Like
 * registry:2, anything wrong with it (bad digest or name, no pull access to the source) is not an error: the
 * client simply gets a new upload session, and learns nothing about the source repository.
 */
record MountRequest(RepositoryName from, Digest digest) {

  /** The mount to try, or null to start a plain session. */
  static MountRequest of(RoutingContext ctx, RegistryContext context, RepositoryName target) {
    String mount = ctx.request().getParam("mount");
    String from = ctx.request().getParam("from");
    if (mount == null || from == null) {
      return null;
    }
    try {
      RepositoryName source = new RepositoryName(from);
      Digest digest = Digest.parse(mount);
      RouteTable.authorize(context, ctx, source, Action.PULL);
      return new MountRequest(source, digest);
    } catch (RegistryException e) {
      return null;
    }
  }
}
