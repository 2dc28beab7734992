package dev.berth.bench;

import dev.berth.bench.load.Budget;
import dev.berth.bench.load.Operation;
import dev.berth.bench.report.Unit;

/**
 * One row of the workload.
 *
 * @param budget per server, split over its phases (time-boxed rows)
 * @param roundsPerServer when positive, the row runs in barrier-synchronised rounds instead of by budget
 * @param phasesPerServer how many alternating phases each server gets (even: A B B A A B B A ...)
 * @param warmUp whether an untimed mini-phase runs on each server first (JIT, connections, page cache)
 */
public record RowSpec(String label, int concurrency, Unit unit, Budget budget, int roundsPerServer,
    int phasesPerServer, boolean warmUp, Operation operation) {

  public Budget warmUpBudget(java.time.Duration time) {
    return new Budget(concurrency, 1, time);
  }
}
