package dev.berth.bench;

import dev.berth.bench.load.Budget;
import dev.berth.bench.load.LoadRunner;
import dev.berth.bench.load.Measurement;
import dev.berth.bench.load.PhaseFailedException;
import dev.berth.bench.report.Cell;
import dev.berth.bench.report.Row;
import dev.berth.bench.report.Unit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures one row on both servers, interleaved A B B A (each phase half the row's budget) so that drift of the
 * shared machine during the row hits both servers alike; an optional untimed warm-up on each comes first.
 */
final class RowRunner {
  private final LoadRunner runner;
  private final Duration warmUp;

  RowRunner(LoadRunner runner, Duration warmUp) {
    this.runner = runner;
    this.warmUp = warmUp;
  }

  Row measure(RowSpec spec, ServerUnderTest berth, ServerUnderTest registry) {
    RowState onBerth = new RowState(berth);
    RowState onRegistry = new RowState(registry);
    if (spec.warmUp()) {
      onBerth.phase(spec, spec.warmUpBudget(warmUp), 0, false);
      onRegistry.phase(spec, spec.warmUpBudget(warmUp), 0, false);
    }
    Budget half = spec.budget().split(2);
    int rounds = spec.roundsPerServer() / 2;
    for (RowState state : List.of(onBerth, onRegistry, onRegistry, onBerth)) {
      state.phase(spec, half, rounds, true);
    }
    return Row.measured(spec.label(), spec.concurrency(), spec.unit(), onBerth.cell(spec.unit()),
        onRegistry.cell(spec.unit()));
  }

  /** One server's progress through a row: its ticket counters, what it measured, or why it failed. */
  private final class RowState {
    private final ServerUnderTest server;
    private final AtomicInteger tickets = new AtomicInteger();
    private final AtomicInteger rounds = new AtomicInteger();
    private Measurement total = Measurement.empty();
    private String failure;

    RowState(ServerUnderTest server) {
      this.server = server;
      this.failure = server.unavailable();
    }

    void phase(RowSpec spec, Budget budget, int roundCount, boolean timed) {
      if (failure != null) {
        return;
      }
      try {
        Measurement measured = spec.roundsPerServer() > 0
            ? runner.rounds(server.clients(), spec.concurrency(), spec.operation(), Math.max(1, roundCount),
                rounds)
            : runner.timeBoxed(server.clients(), spec.concurrency(), spec.operation(), budget, tickets);
        if (timed) {
          total = total.plus(measured);
        }
      } catch (PhaseFailedException e) {
        String down = server.unavailable();
        failure = down != null ? down : e.getMessage();
      }
    }

    Cell cell(Unit unit) {
      if (failure != null) {
        return Cell.failed(failure);
      }
      double value = unit == Unit.MIB_PER_SECOND ? total.mibPerSecond() : total.opsPerSecond();
      return Cell.of(value, total.percentileMillis(0.50), total.percentileMillis(0.99));
    }
  }
}
