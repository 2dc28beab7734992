package dev.berth.registry.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every key of registry:2's {@code config.yml} (distribution 2.8) that Berth knows, with its shape, its value
 * type, and whether Berth acts on it yet. The loader uses it to apply {@code REGISTRY_*} overrides the way
 * distribution walks its configuration struct, to report unknown, misplaced and not-yet-supported keys, and to
 * check value types before binding.
 */
final class ConfigSchema {

  /** The shape of a key's value. */
  enum Kind {
    /** A mapping with a fixed set of keys. */
    SECTION,
    /** A section of alternatives (storage drivers, auth types); a plain string selects one, as in registry:2. */
    SELECTOR,
    /** A mapping with free keys (headers, log fields); every value has the key's {@link Type}. */
    MAP,
    /** A scalar or list of scalars. */
    LEAF,
    /** Accepted as is, not looked into (sections Berth does not act on, Berth's access rules). */
    OPAQUE
  }

  /** What a leaf (or each value of a MAP) must hold. */
  enum Type { STRING, BOOL, INT, DURATION, STRING_LIST, ANY }

  static final class Key {
    final String name;
    final Kind kind;
    final Type type;
    final Map<String, Key> children = new LinkedHashMap<>();
    String path;
    /** Null when Berth acts on the key; otherwise it is reported as accepted but not acted on. */
    String notActedOn;

    private Key(String name, Kind kind, Type type, Key... children) {
      this.name = name;
      this.kind = kind;
      this.type = type;
      for (Key child : children) {
        this.children.put(child.name, child);
      }
    }

    Key notActedOn(String why) {
      this.notActedOn = why;
      return this;
    }

    Key child(String childName) {
      return children.get(childName);
    }

    /** The child whose name upper-cased is the given environment variable segment. */
    Key childForEnvSegment(String segment) {
      for (Key child : children.values()) {
        if (child.name.toUpperCase(Locale.ROOT).equals(segment)) {
          return child;
        }
      }
      return null;
    }

    boolean isMapping() {
      return kind == Kind.SECTION || kind == Kind.SELECTOR;
    }
  }

  /** Keys of {@code storage:} that are switches rather than drivers. */
  static final List<String> STORAGE_SWITCHES = List.of("delete", "cache", "redirect", "maintenance", "tag");
  /** The storage drivers Berth has or will have; registry:2's others (azure, gcs, swift, oss) are refused. */
  static final List<String> STORAGE_DRIVERS = List.of("filesystem", "inmemory", "s3");
  static final List<String> AUTH_TYPES = List.of("htpasswd", "token", "silly");

  static final Key ROOT = assignPaths(root(), "");

  private ConfigSchema() {
  }

  /** The key at a dotted path, or null. */
  static Key find(String dottedPath) {
    Key key = ROOT;
    for (String segment : dottedPath.split("\\.")) {
      key = key.child(segment);
      if (key == null) {
        return null;
      }
    }
    return key;
  }

  /** Full paths of all known keys with this name, for "it probably belongs at …" hints. */
  static List<String> pathsNamed(String name) {
    List<String> found = new ArrayList<>();
    collect(ROOT, name, found);
    return Collections.unmodifiableList(found);
  }

  private static void collect(Key key, String name, List<String> found) {
    for (Key child : key.children.values()) {
      if (child.name.equals(name)) {
        found.add(child.path);
      }
      collect(child, name, found);
    }
  }

  private static Key assignPaths(Key key, String parentPath) {
    for (Key child : key.children.values()) {
      child.path = parentPath.isEmpty() ? child.name : parentPath + "." + child.name;
      assignPaths(child, child.path);
    }
    return key;
  }

  private static Key root() {
    return section("",
        leaf("version", Type.STRING),
        leaf("loglevel", Type.STRING),
        log(),
        storage(),
        new Key("auth", Kind.SELECTOR, null,
            section("htpasswd", leaf("realm", Type.STRING), leaf("path", Type.STRING)),
            opaque("token").notActedOn("token authentication is not supported yet"),
            opaque("silly").notActedOn("silly authentication is not supported")),
        opaque("access"),
        http(),
        health(),
        opaque("notifications").notActedOn("webhook notifications are not sent yet"),
        opaque("redis").notActedOn("Berth does not use redis yet"),
        opaque("proxy").notActedOn("pull-through caching is not supported yet"),
        opaque("validation").notActedOn("manifest URL validation is not supported yet"),
        opaque("middleware").notActedOn("middleware is not supported"),
        opaque("reporting").notActedOn("error reporting services are not supported"),
        opaque("compatibility").notActedOn("schema1 compatibility is not supported"),
        opaque("catalog").notActedOn("catalog.maxentries is not applied yet"));
  }

  private static Key log() {
    return section("log",
        leaf("level", Type.STRING),
        leaf("formatter", Type.STRING),
        map("fields", Type.ANY),
        section("accesslog", leaf("disabled", Type.BOOL)),
        leaf("reportcaller", Type.BOOL).notActedOn("caller information is not logged"),
        opaque("hooks").notActedOn("log hooks (such as mail) are not supported"));
  }

  private static Key storage() {
    return new Key("storage", Kind.SELECTOR, null,
        section("filesystem",
            leaf("rootdirectory", Type.STRING),
            leaf("maxthreads", Type.INT).notActedOn("file operations run on the server's worker pool")),
        section("inmemory"),
        section("s3",
            leaf("accesskey", Type.STRING), leaf("secretkey", Type.STRING), leaf("region", Type.STRING),
            leaf("regionendpoint", Type.STRING), leaf("forcepathstyle", Type.BOOL), leaf("bucket", Type.STRING),
            leaf("rootdirectory", Type.STRING), leaf("encrypt", Type.BOOL), leaf("secure", Type.BOOL),
            leaf("chunksize", Type.INT)),
        section("delete", leaf("enabled", Type.BOOL)),
        section("cache", leaf("blobdescriptor", Type.STRING), leaf("blobdescriptorsize", Type.INT)),
        section("redirect", leaf("disable", Type.BOOL)),
        section("maintenance",
            section("uploadpurging",
                leaf("enabled", Type.BOOL), leaf("age", Type.DURATION), leaf("interval", Type.DURATION),
                leaf("dryrun", Type.BOOL)).notActedOn("upload purging is not implemented yet"),
            section("readonly", leaf("enabled", Type.BOOL))),
        opaque("tag").notActedOn("tag lookup concurrency is not configurable"));
  }

  private static Key http() {
    return section("http",
        leaf("addr", Type.STRING),
        leaf("net", Type.STRING),
        leaf("host", Type.STRING),
        leaf("prefix", Type.STRING),
        leaf("secret", Type.STRING),
        leaf("relativeurls", Type.BOOL),
        leaf("draintimeout", Type.DURATION),
        map("headers", Type.STRING_LIST),
        section("tls",
            leaf("certificate", Type.STRING), leaf("key", Type.STRING), leaf("clientcas", Type.STRING_LIST),
            leaf("minimumtls", Type.STRING), leaf("ciphersuites", Type.STRING_LIST),
            opaque("letsencrypt").notActedOn("Let's Encrypt certificates are not fetched")),
        section("http2", leaf("disabled", Type.BOOL)),
        section("debug",
            // The debug listener serves /debug/health (the authtls branch's DebugServer).
            leaf("addr", Type.STRING),
            section("prometheus", leaf("enabled", Type.BOOL), leaf("path", Type.STRING))
                .notActedOn("metrics are not exported yet")));
  }

  private static Key health() {
    return section("health",
        section("storagedriver",
            leaf("enabled", Type.BOOL), leaf("interval", Type.DURATION), leaf("threshold", Type.INT)),
        opaque("file").notActedOn("file health checks are not run"),
        opaque("http").notActedOn("http health checks are not run"),
        opaque("tcp").notActedOn("tcp health checks are not run"));
  }

  private static Key section(String name, Key... children) {
    return new Key(name, Kind.SECTION, null, children);
  }

  private static Key map(String name, Type valueType) {
    return new Key(name, Kind.MAP, valueType);
  }

  private static Key leaf(String name, Type type) {
    return new Key(name, Kind.LEAF, type);
  }

  private static Key opaque(String name) {
    return new Key(name, Kind.OPAQUE, Type.ANY);
  }
}
