package dev.ferry.core.queue;

import java.util.List;

/** What a worker tells about itself in every heartbeat. */
public record WorkerInfo(String id, String host, long pid, String device, List<String> demos, int concurrency, List<String> runningJobs) {}
