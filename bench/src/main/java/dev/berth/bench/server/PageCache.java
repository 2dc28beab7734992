package dev.berth.bench.server;

import java.io.IOException;

/** The kernel's dirty pages, written back between phases so that no server's writes are paid for in another's. */
public final class PageCache {
  private PageCache() {
  }

  /** Runs sync(1) and waits for it; a machine without it, or an interrupted wait, only loses the isolation. */
  public static void writeBack() {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (IOException e) {
      // No sync on this machine: phases still run, only less isolated from each other.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
