package dev.ferry.app.cli;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.core.config.FerryConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Shared body of {@code up}, {@code api} and {@code worker}: start the node, run until SIGTERM. */
abstract class ServeCommand implements Callable<Integer> {
    /** The exit status of a process whose worker found itself hung (EX_SOFTWARE), so its orchestrator restarts it. */
    static final int EXIT_WORKER_HUNG = 70;
    /** How long the shutdown hooks of a hung process get before it is ended regardless. */
    private static final long HUNG_EXIT_BACKSTOP_MS = 30_000;

    @Mixin
    ServeOptions options = new ServeOptions();

    abstract boolean withApi();

    abstract boolean withWorker();

    abstract boolean mayEmbedRedis();

    @Override
    public Integer call() throws Exception {
        FerryConfig config = FerryConfig.load(options.asSettings());
        FerryNode node = FerryNode.start(config, withApi(), withWorker(), mayEmbedRedis()).closeOnShutdown();
        node.api().ifPresent(api -> System.out.println("Ferry API on http://" + config.api().host() + ":" + api.port()));
        node.worker().ifPresent(worker -> System.out.println("Ferry worker " + worker.id() + " running"));
        node.worker().ifPresent(worker -> worker.whenHung(ServeCommand::exitHung));
        node.awaitClose();
        return 0;
    }

    /** Exits through the shutdown hooks, or without them if a stuck thread holds them up. */
    private static void exitHung() {
        Thread backstop = new Thread(() -> {
            try {
                Thread.sleep(HUNG_EXIT_BACKSTOP_MS);
            } catch (InterruptedException ignored) {
                // halting now is as good
            }
            Runtime.getRuntime().halt(EXIT_WORKER_HUNG);
        }, "ferry-hung-exit");
        backstop.setDaemon(true);
        backstop.start();
        System.exit(EXIT_WORKER_HUNG);
    }
}
