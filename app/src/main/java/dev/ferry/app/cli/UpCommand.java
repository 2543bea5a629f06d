package dev.ferry.app.cli;

import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Runs everything on this machine: Redis (embedded unless REDIS_URL is set), the API and a worker.")
public final class UpCommand extends ServeCommand {
    @Override
    boolean withApi() {
        return true;
    }

    @Override
    boolean withWorker() {
        return true;
    }

    @Override
    boolean mayEmbedRedis() {
        return true;
    }
}
