package dev.ferry.demos;

import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The demos on the class path, built the one way every Ferry process and test builds them. */
public final class InstalledDemos {
    private InstalledDemos() {}

    /** Every demo a factory is listed for, narrowed to {@code FERRY_DEMOS} of the services' settings. */
    public static DemoCatalog build(DemoServices services) {
        List<Demo> demos = new ArrayList<>();
        for (DemoFactory factory : ServiceLoader.load(DemoFactory.class)) {
            demos.add(factory.create(services));
        }
        return DemoCatalog.of(demos, services.config().demos());
    }
}
