package dev.ferry.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;
import java.util.concurrent.locks.LockSupport;

/**
 * A test-only demo, {@code hang}: its first {@code hang_attempts} attempts never return and
 * ignore every interrupt, as a demo stuck in a native call would. Listed as a service only in
 * the class path {@link WorkerHangProcessTest} gives its worker process, so no other test sees it.
 */
public final class HangingDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new Demo() {
            @Override
            public String name() {
                return "hang";
            }

            @Override
            public String description() {
                return "hangs its first hang_attempts attempts for good";
            }

            @Override
            public ParamSpec params() {
                return ParamSpec.of(Param.integer("hang_attempts", 0).range(0, 100).describe("attempts that never return"));
            }

            @Override
            public JsonNode run(DemoContext context) {
                while (context.attempt() <= context.longParam("hang_attempts")) {
                    LockSupport.park(this); // returns on an interrupt, and is parked again
                }
                return Json.MAPPER.createObjectNode().put("attempt", context.attempt());
            }
        };
    }
}
