package dev.ferry.app;

import dev.ferry.core.config.FerryConfig;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A failed command prints one readable line, not a stack trace; {@code FERRY_DEBUG=1} shows the trace. */
final class CliErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("ferry: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (FerryConfig.debug()) {
            e.printStackTrace(cmd.getErr());
        }
        return 2;
    }
}
