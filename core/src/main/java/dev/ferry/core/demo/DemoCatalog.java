package dev.ferry.core.demo;

import dev.ferry.core.job.JobId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demos this process serves, by name: the ones it was built with, narrowed by {@code FERRY_DEMOS}. */
public final class DemoCatalog {
    private final Map<String, Demo> demos;

    private DemoCatalog(Map<String, Demo> demos) {
        this.demos = demos;
    }

    /** @param selected demo names to keep ({@code FERRY_DEMOS}); empty keeps all */
    public static DemoCatalog of(Collection<Demo> available, Set<String> selected) {
        Map<String, Demo> byName = new LinkedHashMap<>();
        for (Demo demo : available) {
            if (!JobId.DEMO_NAME.matcher(demo.name()).matches()) {
                throw new IllegalStateException("demo name '" + demo.name() + "' must match " + JobId.DEMO_NAME);
            }
            byName.put(demo.name(), demo);
        }
        for (String name : selected) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("FERRY_DEMOS names '" + name + "', but the demos here are " + byName.keySet());
            }
        }
        if (!selected.isEmpty()) {
            byName.keySet().retainAll(selected);
        }
        return new DemoCatalog(byName);
    }

    public Optional<Demo> find(String name) {
        return Optional.ofNullable(demos.get(name));
    }

    public Collection<Demo> all() {
        return demos.values();
    }

    public Set<String> names() {
        return demos.keySet();
    }
}
