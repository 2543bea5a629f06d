package dev.ferry.demos.clustering;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the clustering demo. */
public final class ClusteringDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new ClusteringDemo(services);
    }
}
