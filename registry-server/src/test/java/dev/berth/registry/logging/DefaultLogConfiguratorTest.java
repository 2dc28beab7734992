package dev.berth.registry.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;

class DefaultLogConfiguratorTest {

  @Test
  void untilTheConfigIsReadLinesAreRegistry2TextAtInfo() {
    LoggerContext context = new LoggerContext();
    DefaultLogConfigurator configurator = new DefaultLogConfigurator();
    configurator.setContext(context);

    ExecutionStatus status = configurator.configure(context);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.INFO);
    ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("console");
    assertThat(((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout()).isInstanceOf(TextLayout.class);
  }

  @Test
  void logbackFindsItThroughItsServiceLoader() {
    assertThat(DefaultLogConfigurator.class.getResource("/META-INF/services/ch.qos.logback.classic.spi.Configurator"))
        .isNotNull();
    assertThat(DefaultLogConfigurator.class.getResource("/logback.xml")).isNull();
  }
}
