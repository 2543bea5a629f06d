package dev.ferry.app.cli;

import picocli.CommandLine.Command;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs a worker (one per GPU) against the configured Redis and data folder.")
public final class WorkerCommand extends ServeCommand {
    @Override
    boolean withApi() {
        return false;
    }

    @Override
    boolean withWorker() {
        return true;
    }

    @Override
    boolean mayEmbedRedis() {
        return false;
    }
}
