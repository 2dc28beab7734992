package dev.berth.bench.load;

import dev.berth.bench.registry.RegistryClient;
import java.io.IOException;

/** One timed request (or request sequence) of a benchmark row. */
@FunctionalInterface
public interface Operation {
  /**
   * @param ticket a number unique within the row and server, counting up from 0: it picks which pre-generated
   *     blob, manifest or tag this call uses, so no two calls of a row push the same content
   * @return payload bytes moved, for MiB/s rows (0 for request-rate rows)
   */
  long run(RegistryClient client, int ticket) throws IOException;
}
