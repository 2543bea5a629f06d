package dev.ferry.app.cli;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.webhook.WebhookSecrets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Prints the whsec_ secrets that sign webhooks, one a line: FERRY_WEBHOOK_SECRETS, else the data folder's own"
                + " (created if missing). Give one to the receivers; Ferry itself never logs them.")
public final class WebhooksSecretCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Override
    public Integer call() {
        FerryConfig config = data.config();
        WebhookSecrets.resolve(config.webhooks(), config.dataDir()).forEach(System.out::println);
        return 0;
    }
}
