package dev.berth.registry.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.berth.registry.config.LogConfig;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * Configures logback from {@code log:} — level, formatter (text, json, logstash), static fields — replacing
 * whatever configuration was active. Lines go to standard output, one per event.
 */
public final class LogSetup {
  /** The logger of the access log; its lines are written whatever {@code log.level} says, unless disabled. */
  public static final String ACCESS_LOGGER = "dev.berth.registry.access";

  private LogSetup() {
  }

  public static void configure(LogConfig log) {
    LoggerContext context = loggerContext();
    context.reset();
    configure(context, log);
  }

  /**
   * Logback's context. While another thread is still binding SLF4J to logback (Main lets the thread that creates
   * Vert.x do that while it reads the config), SLF4J hands out a stand-in factory instead: wait for the real one.
   */
  private static LoggerContext loggerContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    while (factory instanceof SubstituteLoggerFactory) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      factory = LoggerFactory.getILoggerFactory();
    }
    return (LoggerContext) factory;
  }

  /** Configures a context that has no configuration yet (fresh, or just reset). */
  static void configure(LoggerContext context, LogConfig log) {
    Level level = level(log.effectiveLevel());
    LayoutBase<ILoggingEvent> layout = layout(log, level == Level.DEBUG);
    layout.setContext(context);
    layout.start();

    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setLayout(layout);
    encoder.start();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder);
    console.start();

    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    root.addAppender(console);
    if (level == Level.DEBUG) {
      // Netty's and Vert.x's debug output is about their internals, not the registry.
      context.getLogger("io.netty").setLevel(Level.INFO);
      context.getLogger("io.vertx").setLevel(Level.INFO);
    }
    context.getLogger(ACCESS_LOGGER).setLevel(log.accessLogDisabled() ? Level.OFF : Level.INFO);
  }

  static LayoutBase<ILoggingEvent> layout(LogConfig log, boolean stackTraces) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (log.fields != null) {
      log.fields.forEach((key, value) -> fields.put(key, value == null ? "" : value));
    }
    return switch (log.effectiveFormatter()) {
      case "json" -> new JsonLayout(fields, false, stackTraces);
      case "logstash" -> new JsonLayout(fields, true, stackTraces);
      default -> new TextLayout(fields, stackTraces);
    };
  }

  static Level level(String name) {
    return switch (name) {
      case "error" -> Level.ERROR;
      case "warn" -> Level.WARN;
      case "debug" -> Level.DEBUG;
      default -> Level.INFO;
    };
  }
}
