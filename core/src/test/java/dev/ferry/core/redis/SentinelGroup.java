package dev.ferry.core.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A {@link LocalSentinelGroup} for one test class, started before its tests and closed after them. */
public final class SentinelGroup extends LocalSentinelGroup implements BeforeAllCallback, AfterAllCallback {

    public SentinelGroup(int sentinels) {
        super(sentinels);
    }

    /** A group started for one test, which closes it. */
    public static SentinelGroup started(int sentinels) {
        SentinelGroup group = new SentinelGroup(sentinels);
        group.start();
        return group;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
