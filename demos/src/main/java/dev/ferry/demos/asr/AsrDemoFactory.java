package dev.ferry.demos.asr;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the asr demo with the model store and loaded models. */
public final class AsrDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new AsrDemo(services.models(), services.inference());
    }
}
