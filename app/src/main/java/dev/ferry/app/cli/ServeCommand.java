package dev.ferry.app.cli;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.core.config.FerryConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Shared body of {@code up}, {@code api} and {@code worker}: start the node, run until SIGTERM. */
abstract class ServeCommand implements Callable<Integer> {
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
        node.awaitClose();
        return 0;
    }
}
