package dev.ferry.demos.noop;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the noop demo (it needs nothing). */
public final class NoopDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new NoopDemo();
    }
}
