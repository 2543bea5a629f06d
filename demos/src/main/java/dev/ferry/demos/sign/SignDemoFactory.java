package dev.ferry.demos.sign;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the sign demo. */
public final class SignDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new SignDemo(services);
    }
}
