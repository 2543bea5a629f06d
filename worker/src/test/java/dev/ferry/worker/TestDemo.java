package dev.ferry.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import java.util.concurrent.atomic.AtomicInteger;

/** A demo whose behaviour each test writes inline; counts how often it ran. */
final class TestDemo implements Demo {
    /** What one run does; {@code run} is 1 for the first run of this demo, 2 for the second... */
    interface Body {
        JsonNode run(DemoContext context, int run) throws Exception;
    }

    private final String name;
    private final Body body;
    private final AtomicInteger runs = new AtomicInteger();

    TestDemo(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "a demo written by a test";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(Param.string("tag", "").describe("free text the test uses to tell jobs apart"));
    }

    @Override
    public JsonNode run(DemoContext context) throws Exception {
        return body.run(context, runs.incrementAndGet());
    }

    int runs() {
        return runs.get();
    }
}
