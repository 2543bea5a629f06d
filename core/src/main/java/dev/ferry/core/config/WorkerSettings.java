package dev.ferry.core.config;

import java.time.Duration;

/** How one worker process runs jobs. */
public record WorkerSettings(int concurrency, DeviceSetting device, Duration shutdownGrace) {}
