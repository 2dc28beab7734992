package dev.berth.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

  @Test
  void peakIsTheLargerOfHighWaterMarkAndCurrentResidentSize() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t40\n";
    assertThat(ProcStatus.peakOf(status)).hasValue(204800);
  }

  @Test
  void kernelThreadsWithoutMemoryLinesHaveNoFigure() {
    assertThat(ProcStatus.peakOf("Name:\tkthreadd\nState:\tS\n")).isEmpty();
  }

  @Test
  void thisProcessHasAResidentSizeAndAMissingOneHasNone() {
    assertThat(ProcStatus.residentPeakKib(ProcessHandle.current().pid())).isPresent();
    assertThat(ProcStatus.residentPeakKib(Long.MAX_VALUE)).isEmpty();
  }
}
