package dev.ferry.demos.sorting;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the sorting demo. */
public final class SortingDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new SortingDemo(services);
    }
}
