package dev.ferry.demos.regions;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the regions demo. */
public final class RegionsDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new RegionsDemo(services);
    }
}
