package dev.ferry.demos.faces;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the faces demo. */
public final class FacesDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new FacesDemo(services);
    }
}
