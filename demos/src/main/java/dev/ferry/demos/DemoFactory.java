package dev.ferry.demos;

import dev.ferry.core.demo.Demo;

/**
 * Builds one demo from the services it needs. Each demo has one, listed in
 * {@code META-INF/services/dev.ferry.demos.DemoFactory}; {@link InstalledDemos} finds them
 * with {@link java.util.ServiceLoader}, so neither the API nor the worker imports a demo.
 */
public interface DemoFactory {
    Demo create(DemoServices services);
}
