package dev.ferry.demos.vectorization;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the vectorization demo. */
public final class VectorizationDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new VectorizationDemo(services);
    }
}
