package dev.berth.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures come from: CPU model (from /proc/cpuinfo), cores, OS and Java versions. */
public record MachineInfo(String cpuModel, int cores, String os, String java) {

  public static MachineInfo detect() {
    return new MachineInfo(cpuModel(readCpuInfo()), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  static String cpuModel(String cpuInfo) {
    for (String line : cpuInfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
        return line.substring(colon + 1).trim();
      }
    }
    return "unknown CPU";
  }

  private static String readCpuInfo() {
    try {
      return Files.readString(Path.of("/proc/cpuinfo"));
    } catch (IOException e) {
      return "";
    }
  }
}
