package dev.berth.registry.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.berth.registry.config.LogConfig;

/**
 * Logback's configuration until {@link LogSetup#configure(LogConfig)} applies {@code log:} from config.yml: the
 * defaults of an empty {@code log:} (text lines at info, to standard output). Registered through logback's
 * {@link Configurator} service instead of a logback.xml because reading XML costs the registry's start a
 * few hundred classes (an XML parser and Joran) and a good part of its startup time.
 */
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    LogSetup.configure(context, new LogConfig());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
