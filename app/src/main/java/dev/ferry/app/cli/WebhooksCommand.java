package dev.ferry.app.cli;

import picocli.CommandLine.Command;

@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "Job webhooks: the secret that signs them.",
        subcommands = {WebhooksSecretCommand.class})
public final class WebhooksCommand {}
