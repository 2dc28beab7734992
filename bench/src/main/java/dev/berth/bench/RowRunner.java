package dev.berth.bench;

import dev.berth.bench.load.Budget;
import dev.berth.bench.load.LoadRunner;
import dev.berth.bench.load.Measurement;
import dev.berth.bench.load.PhaseFailedException;
import dev.berth.bench.report.Cell;
import dev.berth.bench.report.Row;
import dev.berth.bench.report.Unit;
import dev.berth.bench.server.PageCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures one row on both servers, interleaved A B B A A B B A ... (each phase an equal share of the row's
 * budget) so that drift and interference on the shared machine during the row hit both servers alike; an
 * optional untimed warm-up on each comes first.
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
    Budget share = spec.budget().split(spec.phasesPerServer());
    int rounds = spec.roundsPerServer() / spec.phasesPerServer();
    for (RowState state : order(spec.phasesPerServer(), onBerth, onRegistry)) {
      state.phase(spec, share, rounds, true);
    }
    return Row.measured(spec.label(), spec.concurrency(), spec.unit(), onBerth.cell(spec.unit()),
        onRegistry.cell(spec.unit()));
  }

  /** A B B A, repeated: each server goes first as often as second, and no server runs twice after itself twice. */
  static <T> List<T> order(int phasesPerServer, T a, T b) {
    List<T> order = new ArrayList<>();
    for (int i = 0; i < phasesPerServer; i += 2) {
      order.addAll(List.of(a, b, b, a));
    }
    return order;
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
        PageCache.writeBack();
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
