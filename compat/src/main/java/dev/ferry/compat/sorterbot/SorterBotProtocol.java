package dev.ferry.compat.sorterbot;

import dev.ferry.api.RouteSet;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import io.javalin.router.JavalinDefaultRouting;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SorterBot Cloud's protocol (github.com/simonszalai/sorterbot_cloud, src/server.py), as its arms
 * (sorterbot_raspberry) speak it: a WebSocket server on {@code FERRY_SORTERBOT_PORT} of
 * {@code FERRY_HOST}, started and stopped with the API. It adds no route to the API itself.
 */
public final class SorterBotProtocol implements RouteSet {
    private static final Logger LOG = LoggerFactory.getLogger(SorterBotProtocol.class);
    private final FerryConfig config;
    private final ArmSessions sessions;
    private SortingJobs jobs;
    private final CompatProtocols.Services services;
    private ScheduledExecutorService timer;
    private SorterBotServer server;

    public SorterBotProtocol(CompatProtocols.Services services) {
        this.services = services;
        this.config = services.config();
        DataFolder data = services.data();
        this.sessions = new ArmSessions(services.redis(), data, config.sorterbot().sessionTtl());
    }

    @Override
    public synchronized void register(JavalinDefaultRouting routes, JobSubmitter submitter) {
        // no route: the arms speak only WebSocket, on their own port (start); their jobs go through the native submit
        this.jobs = new SortingJobs(submitter, new JobReader(services.redis()));
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.numbered("ferry-sorterbot"));
        ArmHandler handler = new ArmHandler(sessions, jobs, services.media().decoder(), timer, config.sorterbot().commandsWait());
        try {
            server = SorterBotServer.start(config.api().host(), config.sorterbot().port(), handler);
        } catch (RuntimeException e) {
            timer.shutdownNow();
            throw e;
        }
        LOG.info("SorterBot arms' WebSocket server listening on ws://{}:{}", config.api().host(), server.port());
    }

    /** The port the server listens on (useful with {@code FERRY_SORTERBOT_PORT=0}). */
    public synchronized int port() {
        return server.port();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            timer.shutdownNow();
            server = null;
        }
    }
}
