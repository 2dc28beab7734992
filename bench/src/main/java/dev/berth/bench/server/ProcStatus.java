package dev.berth.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory figures of a process from {@code /proc/<pid>/status}, in KiB. */
public final class ProcStatus {
  private ProcStatus() {
  }

  /** The largest of current (VmRSS) and peak (VmHWM) resident size, or empty when the process is gone. */
  public static OptionalLong residentPeakKib(long pid) {
    try {
      return peakOf(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong peakOf(String status) {
    long best = -1;
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
        best = Math.max(best, kib(line));
      }
    }
    return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
  }

  private static long kib(String line) {
    String value = line.substring(line.indexOf(':') + 1).trim();
    int space = value.indexOf(' ');
    return Long.parseLong(space < 0 ? value : value.substring(0, space));
  }
}
