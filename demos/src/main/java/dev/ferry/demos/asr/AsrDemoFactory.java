package dev.ferry.demos.asr;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the asr demo. */
public final class AsrDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new AsrDemo(services);
    }
}
