package dev.berth.registry.health;

/** One probe behind {@code /debug/health}. */
public interface HealthCheck {
  String name();

  /** Blocking; returns normally when healthy, throws with a message saying what is wrong otherwise. */
  void check() throws Exception;
}
