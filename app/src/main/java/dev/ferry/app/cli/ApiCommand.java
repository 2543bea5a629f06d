package dev.ferry.app.cli;

import picocli.CommandLine.Command;

@Command(name = "api", mixinStandardHelpOptions = true, description = "Runs the HTTP API against the configured Redis.")
public final class ApiCommand extends ServeCommand {
    @Override
    boolean withApi() {
        return true;
    }

    @Override
    boolean withWorker() {
        return false;
    }

    @Override
    boolean mayEmbedRedis() {
        return false;
    }
}
