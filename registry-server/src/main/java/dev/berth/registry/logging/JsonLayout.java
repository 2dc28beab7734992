package dev.berth.registry.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: logrus's JSON ({@code time}, {@code level}, {@code msg}) or, for
 * {@code formatter: logstash}, logstash's names ({@code @timestamp}, {@code @version}, {@code message}). The
 * event's key-value pairs and {@code log.fields} become members.
 */
final class JsonLayout extends LayoutBase<ILoggingEvent> {
  private final Map<String, Object> fields;
  private final boolean logstash;
  private final boolean stackTraces;

  JsonLayout(Map<String, Object> fields, boolean logstash, boolean stackTraces) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.logstash = logstash;
    this.stackTraces = stackTraces;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(200);
    line.append('{');
    member(line, logstash ? "@timestamp" : "time", LineFormat.time(event.getTimeStamp()), true);
    if (logstash) {
      member(line, "@version", "1", false);
    }
    member(line, "level", LineFormat.level(event.getLevel()), false);
    member(line, logstash ? "message" : "msg", event.getFormattedMessage(), false);
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        member(line, pair.key, pair.value, false);
      }
    }
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      member(line, "error", throwable.getClassName() + ": " + throwable.getMessage(), false);
      if (stackTraces) {
        member(line, "stack", ThrowableProxyUtil.asString(throwable), false);
      }
    }
    fields.forEach((key, value) -> member(line, key, value, false));
    line.append('}').append(CoreConstants.LINE_SEPARATOR);
    return line.toString();
  }

  private static void member(StringBuilder line, String key, Object value, boolean first) {
    if (!first) {
      line.append(',');
    }
    LineFormat.jsonString(line, key);
    line.append(':');
    LineFormat.jsonValue(line, value);
  }
}
