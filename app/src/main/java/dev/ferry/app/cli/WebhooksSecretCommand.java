package dev.ferry.app.cli;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.webhook.WebhookSecrets;
import dev.ferry.core.webhook.WebhookSigner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Prints the whsec_ secrets that sign webhooks, one a line: FERRY_WEBHOOK_SECRETS, else the data folder's own"
                + " (created if missing); with --key, those that sign the jobs that API key submits. Give one to the receivers;"
                + " Ferry itself never logs them.")
public final class WebhooksSecretCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--key", description = "An API key (from FERRY_API_KEYS): print the secrets of the jobs it submits.")
    String apiKey;

    @Override
    public Integer call() {
        FerryConfig config = data.config();
        List<String> secrets = WebhookSecrets.resolve(config.webhooks(), config.dataDir());
        (apiKey == null ? secrets : new WebhookSigner(secrets).secretsForKey(apiKey)).forEach(System.out::println);
        return 0;
    }
}
