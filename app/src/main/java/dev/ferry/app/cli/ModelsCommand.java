package dev.ferry.app.cli;

import picocli.CommandLine.Command;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The demos' models in <data>/models: list, pull from the manifest, verify, install from a file.",
        subcommands = {ModelsListCommand.class, ModelsPullCommand.class, ModelsVerifyCommand.class,
            ModelsInstallCommand.class})
public final class ModelsCommand {}
