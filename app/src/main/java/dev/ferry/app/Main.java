package dev.ferry.app;

import dev.ferry.app.cli.ApiCommand;
import dev.ferry.app.cli.BenchCommand;
import dev.ferry.app.cli.ModelsCommand;
import dev.ferry.app.cli.StatusCommand;
import dev.ferry.app.cli.SubmitCommand;
import dev.ferry.app.cli.UpCommand;
import dev.ferry.app.cli.WebhooksCommand;
import dev.ferry.app.cli.WorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferry} command. */
@Command(
        name = "ferry",
        mixinStandardHelpOptions = true,
        version = "ferry 0.1.0",
        description = "Runs inference demos as asynchronous jobs.",
        subcommands = {
            UpCommand.class, ApiCommand.class, WorkerCommand.class, SubmitCommand.class, StatusCommand.class,
            ModelsCommand.class, BenchCommand.class, WebhooksCommand.class, CommandLine.HelpCommand.class
        })
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new CliErrors())
                .execute(args);
    }
}
