package dev.ferry.core.config;

import java.time.Duration;

/**
 * How many replicas must hold a submitted job before the API acknowledges it (Redis's WAIT),
 * and how long a submit waits for them. Replication is asynchronous: without this, a master that
 * dies right after answering can take acknowledged jobs with it. Zero replicas is off.
 */
public record ReplicaWait(int replicas, Duration timeout) {
    public static final ReplicaWait OFF = new ReplicaWait(0, Duration.ZERO);

    public boolean isOn() {
        return replicas > 0;
    }
}
