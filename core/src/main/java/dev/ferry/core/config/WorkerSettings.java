package dev.ferry.core.config;

import java.time.Duration;

/**
 * How one worker process runs jobs, and how it is watched: its health endpoint (off at port
 * 0) and how long its claim loop may stay silent, or a job overrun its time limit, before the
 * worker counts itself hung.
 */
public record WorkerSettings(int concurrency, DeviceSetting device, Duration shutdownGrace, String healthHost, int healthPort,
        Duration hangAfter) {}
