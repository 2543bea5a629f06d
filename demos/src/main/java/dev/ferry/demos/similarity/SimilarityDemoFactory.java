package dev.ferry.demos.similarity;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoFactory;
import dev.ferry.demos.DemoServices;

/** Builds the similarity demo. */
public final class SimilarityDemoFactory implements DemoFactory {
    @Override
    public Demo create(DemoServices services) {
        return new SimilarityDemo(services);
    }
}
