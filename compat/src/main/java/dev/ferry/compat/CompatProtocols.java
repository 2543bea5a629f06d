package dev.ferry.compat;

import dev.ferry.api.RouteSet;
import dev.ferry.compat.discover.DiscoverRoutes;
import dev.ferry.compat.dsac.DsacRoutes;
import dev.ferry.compat.mood.MoodRoutes;
import dev.ferry.compat.sign2text.Sign2TextRoutes;
import dev.ferry.compat.sorterbot.SorterBotProtocol;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.media.MediaReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.redisson.api.RedissonClient;

/**
 * The replaced services' protocols {@code FERRY_COMPAT} names, as route sets for the API. None
 * is mounted by default: each claims paths at the root of the API, which an operator opts into.
 */
public final class CompatProtocols {
    /**
     * What a protocol's routes are built from.
     *
     * @param media reads a job's documents again, e.g. to send their pages (the process's, shared with its demos)
     */
    public record Services(FerryConfig config, DemoCatalog demos, RedissonClient redis, DataFolder data, MediaReader media) {}

    private static final Map<String, Function<Services, RouteSet>> KNOWN = Map.of(
            "discover", DiscoverRoutes::new,
            "dsac", DsacRoutes::new,
            "mood", MoodRoutes::new,
            "sign2text", Sign2TextRoutes::new,
            "sorterbot", SorterBotProtocol::new);
    private static final String ALL = "all";

    private CompatProtocols() {}

    /**
     * @throws IllegalArgumentException for a protocol Ferry does not speak, before anything starts
     */
    public static List<RouteSet> mount(Services services) {
        List<RouteSet> sets = new ArrayList<>();
        for (String name : selected(services.config().compat())) {
            sets.add(KNOWN.get(name).apply(services));
        }
        return List.copyOf(sets);
    }

    /** @throws IllegalArgumentException when FERRY_COMPAT names a protocol Ferry does not speak */
    public static void check(FerryConfig config) {
        selected(config.compat());
    }

    static Set<String> selected(Set<String> names) {
        if (names.contains(ALL)) {
            return new TreeSet<>(KNOWN.keySet());
        }
        for (String name : names) {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("FERRY_COMPAT names '" + name + "', which is not a protocol Ferry speaks; known: "
                        + String.join(", ", new TreeSet<>(KNOWN.keySet())) + " (or all)");
            }
        }
        return new TreeSet<>(names);
    }
}
