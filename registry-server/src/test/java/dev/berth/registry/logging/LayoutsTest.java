package dev.berth.registry.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.config.LogConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LayoutsTest {
  private static final long TIME = 1_700_000_000_123L;

  @Test
  void textLinesLookLikeRegistry2s() {
    String line = layout("text").doLayout(event(Level.WARN, "unknown key tls ignored", null));

    assertThat(line).isEqualTo("time=\"2023-11-14T22:13:20.123Z\" level=warning msg=\"unknown key tls ignored\" "
        + "key=tls service=registry environment=\"staging area\"" + System.lineSeparator());
  }

  @Test
  void textEscapesQuotesAndNewlinesSoEachEventIsOneLine() {
    String line = layout("text").doLayout(event(Level.INFO, "a \"quoted\"\nsecond line", null));

    assertThat(line.strip()).doesNotContain("\n").contains("msg=\"a \\\"quoted\\\"\\nsecond line\"");
  }

  @Test
  void textShowsTheErrorButNoStackTraceBelowDebug() {
    String line = layout("text").doLayout(event(Level.ERROR, "failed", new IllegalStateException("boom")));

    assertThat(line).contains("error=\"java.lang.IllegalStateException: boom\"").doesNotContain("\tat ");
    assertThat(line.strip().lines()).hasSize(1);
  }

  @Test
  void debugLevelAddsStackTraces() {
    LogConfig log = config("text");
    log.level = "debug";
    LayoutBase<ILoggingEvent> layout = LogSetup.layout(log, true);
    layout.setContext(new LoggerContext());
    layout.start();

    assertThat(layout.doLayout(event(Level.ERROR, "failed", new IllegalStateException("boom")))).contains("\tat ");
  }

  @Test
  void jsonLinesCarryMessageKeyValuesAndFields() throws Exception {
    String line = layout("json").doLayout(event(Level.INFO, "response completed", null));

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("time").asText()).isEqualTo("2023-11-14T22:13:20.123Z");
    assertThat(json.get("level").asText()).isEqualTo("info");
    assertThat(json.get("msg").asText()).isEqualTo("response completed");
    assertThat(json.get("key").asText()).isEqualTo("tls");
    assertThat(json.get("service").asText()).isEqualTo("registry");
    assertThat(json.get("environment").asText()).isEqualTo("staging area");
    assertThat(line).endsWith("}" + System.lineSeparator());
  }

  @Test
  void logstashUsesLogstashNames() throws Exception {
    String line = layout("logstash").doLayout(event(Level.ERROR, "x", new RuntimeException("y")));

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("@timestamp").asText()).isEqualTo("2023-11-14T22:13:20.123Z");
    assertThat(json.get("@version").asText()).isEqualTo("1");
    assertThat(json.get("message").asText()).isEqualTo("x");
    assertThat(json.get("error").asText()).isEqualTo("java.lang.RuntimeException: y");
  }

  @Test
  void numbersStayNumbersInJson() throws Exception {
    LoggingEvent event = event(Level.INFO, "response completed", null);
    event.setKeyValuePairs(List.of(new KeyValuePair("http.response.status", 200)));

    JsonNode json = new ObjectMapper().readTree(layout("json").doLayout(event));

    assertThat(json.get("http.response.status").isInt()).isTrue();
  }

  @Test
  void accessLogDurationIsGoStyleMilliseconds() {
    assertThat(AccessLogHandler.duration(1_234_567)).isEqualTo("1.234ms");
    assertThat(AccessLogHandler.duration(5_000)).isEqualTo("0.005ms");
    assertThat(AccessLogHandler.duration(2_000_000_000L)).isEqualTo("2000.000ms");
  }

  @Test
  void levelNamesMapToLogback() {
    assertThat(LogSetup.level("error")).isEqualTo(Level.ERROR);
    assertThat(LogSetup.level("warn")).isEqualTo(Level.WARN);
    assertThat(LogSetup.level("info")).isEqualTo(Level.INFO);
    assertThat(LogSetup.level("debug")).isEqualTo(Level.DEBUG);
  }

  private static LayoutBase<ILoggingEvent> layout(String formatter) {
    LayoutBase<ILoggingEvent> layout = LogSetup.layout(config(formatter), false);
    layout.setContext(new LoggerContext());
    layout.start();
    return layout;
  }

  private static LogConfig config(String formatter) {
    LogConfig log = new LogConfig();
    log.formatter = formatter;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service", "registry");
    fields.put("environment", "staging area");
    log.fields = fields;
    return log;
  }

  private static LoggingEvent event(Level level, String message, Throwable throwable) {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), level, message, throwable, null);
    event.setTimeStamp(TIME);
    event.setKeyValuePairs(List.of(new KeyValuePair("key", "tls")));
    return event;
  }
}
