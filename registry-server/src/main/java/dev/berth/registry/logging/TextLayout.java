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
 * registry:2's text lines (logrus's logfmt): {@code time="…" level=info msg="…" key=value …}, with the event's
 * key-value pairs and then {@code log.fields}. A throwable adds {@code error="…"}; its stack trace follows only
 * at debug level, so that an operator's log stays one line per event.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {
  private final Map<String, Object> fields;
  private final boolean stackTraces;

  TextLayout(Map<String, Object> fields, boolean stackTraces) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.stackTraces = stackTraces;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append("time=\"").append(LineFormat.time(event.getTimeStamp())).append('"');
    line.append(" level=").append(LineFormat.level(event.getLevel()));
    line.append(" msg=");
    LineFormat.jsonString(line, event.getFormattedMessage());
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        line.append(' ').append(pair.key).append('=');
        LineFormat.logfmtValue(line, pair.value);
      }
    }
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      line.append(" error=");
      LineFormat.jsonString(line, throwable.getClassName() + ": " + throwable.getMessage());
    }
    fields.forEach((key, value) -> {
      line.append(' ').append(key).append('=');
      LineFormat.logfmtValue(line, value);
    });
    line.append(CoreConstants.LINE_SEPARATOR);
    if (throwable != null && stackTraces) {
      line.append(ThrowableProxyUtil.asString(throwable)).append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString();
  }
}
