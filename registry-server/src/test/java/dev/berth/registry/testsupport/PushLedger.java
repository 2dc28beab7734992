package dev.berth.registry.testsupport;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What concurrent pushers tried and what the registry acknowledged, so that after a crash the test can tell
 * "must be there byte for byte" (acknowledged) from "may be there, but then whole" (attempted only).
 */
public final class PushLedger {
  /** A blob pushed into one repository. */
  public record Blob(String repository, String digest, byte[] content) {
  }

  /** A manifest PUT under a tag that is used exactly once. */
  public record Manifest(String repository, String tag, String digest, byte[] content) {
  }

  /**
   * An upload session the registry acknowledged ({@code acknowledgedBytes} confirmed by a 202), left open by
   * design or cut off by the crash after at most {@code sentBytes} were sent; {@code completing} when the crash
   * came during the final PUT, which may have been carried out in part.
   */
  public record OpenSession(String repository, URI location, byte[] content, long acknowledgedBytes,
                            long sentBytes, boolean completing) {
  }

  public final Map<String, Blob> attemptedBlobs = new ConcurrentHashMap<>();
  public final Map<String, Blob> acknowledgedBlobs = new ConcurrentHashMap<>();
  public final Map<String, Manifest> attemptedManifests = new ConcurrentHashMap<>();
  public final Map<String, Manifest> acknowledgedManifests = new ConcurrentHashMap<>();
  public final List<OpenSession> idleSessions = new CopyOnWriteArrayList<>();
  public final List<OpenSession> cutOffSessions = new CopyOnWriteArrayList<>();
  /** Failures seen while the registry was still supposed to be up: each one is a bug. */
  public final List<Throwable> failuresBeforeCrash = new CopyOnWriteArrayList<>();

  public static String key(String repository, String name) {
    return repository + "@" + name;
  }
}
