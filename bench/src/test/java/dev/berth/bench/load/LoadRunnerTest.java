package dev.berth.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.bench.http.HttpConnection;
import dev.berth.bench.registry.RegistryClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner with operations that never touch the network (connections open lazily and stay closed). */
class LoadRunnerTest {
  private final LoadRunner runner = new LoadRunner(4);
  private final List<RegistryClient> clients = new ArrayList<>();

  LoadRunnerTest() {
    for (int i = 0; i < 4; i++) {
      clients.add(new RegistryClient(new HttpConnection(new InetSocketAddress("127.0.0.1", 9), Duration.ofSeconds(1))));
    }
  }

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void phasesOfARowTakeEachTicketOnceAndContinueWhereTheLastStopped() throws PhaseFailedException {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger tickets = new AtomicInteger();
    Operation record = (client, ticket) -> {
      assertThat(seen.add(ticket)).isTrue();
      return 3;
    };
    Budget budget = new Budget(25, 25, Duration.ofMinutes(1));
    Measurement first = runner.timeBoxed(clients, 4, record, budget, tickets);
    Measurement second = runner.timeBoxed(clients, 4, record, budget, tickets);
    assertThat(first.ops()).isEqualTo(25);
    assertThat(second.bytes()).isEqualTo(75);
    assertThat(seen).hasSize(50).allMatch(ticket -> ticket >= 0 && ticket < 50);
    assertThat(tickets.get()).isEqualTo(50);
  }

  @Test
  void anExpiredTimeBoxStillRunsTheMinimum() throws PhaseFailedException {
    Measurement measured = runner.timeBoxed(clients, 2, (client, ticket) -> 0,
        new Budget(1000, 6, Duration.ZERO), new AtomicInteger());
    assertThat(measured.ops()).isBetween(6L, 7L);
    assertThat(measured.latenciesNanos()).hasSize((int) measured.ops());
  }

  @Test
  void aFailingOperationFailsThePhaseWithItsMessage() {
    Operation failing = (client, ticket) -> {
      if (ticket == 3) {
        throw new IOException("PUT manifest answered HTTP 500");
      }
      return 0;
    };
    assertThatThrownBy(() -> runner.timeBoxed(clients, 1, failing, new Budget(10, 10, Duration.ofMinutes(1)),
        new AtomicInteger())).isInstanceOf(PhaseFailedException.class).hasMessageContaining("HTTP 500");
  }

  @Test
  void roundsGiveEveryWorkerItsSlotInEachRound() throws PhaseFailedException {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger roundCounter = new AtomicInteger();
    Operation record = (client, ticket) -> {
      seen.add(ticket);
      return 0;
    };
    runner.rounds(clients, 4, record, 2, roundCounter);
    runner.rounds(clients, 4, record, 1, roundCounter);
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void aFailureInOneRoundReleasesTheOtherWorkers() {
    Operation failing = (client, ticket) -> {
      if (ticket == 1) {
        throw new IOException("HEAD blob answered HTTP 502");
      }
      return 0;
    };
    assertThatThrownBy(() -> runner.rounds(clients, 4, failing, 3, new AtomicInteger()))
        .isInstanceOf(PhaseFailedException.class);
  }
}
