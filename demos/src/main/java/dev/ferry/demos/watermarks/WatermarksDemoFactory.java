package dev.ferry.demos.watermarks;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the watermarks demo. */
public final class WatermarksDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new WatermarksDemo(services);
    }
}
