package dev.ferry.app.bench.faults;

import java.util.List;

/** One kind of recovery a scenario measured ({@code what}, e.g. "kill -> reclaimed"), in milliseconds, one value per recovery. */
public record RecoveryTimes(String what, List<Long> ms) {}
