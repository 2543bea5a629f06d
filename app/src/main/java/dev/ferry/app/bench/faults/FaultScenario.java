package dev.ferry.app.bench.faults;

/** One fault scenario of `ferry bench faults`: runs against real processes and says how every job ended. */
public interface FaultScenario {
    String name();

    ChaosReport run() throws Exception;
}
