package dev.ferry.testkit;

import dev.ferry.core.redis.LoopbackPort;

/** A TCP port nothing listens on right now. */
public final class FreePort {
    private FreePort() {}

    public static int next() {
        return LoopbackPort.free();
    }
}
