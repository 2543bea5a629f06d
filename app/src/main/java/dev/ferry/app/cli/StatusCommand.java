package dev.ferry.app.cli;

import dev.ferry.app.client.FerryClient;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Prints a job as the API sees it.")
public final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The job id.")
    String id;

    @Override
    public Integer call() throws Exception {
        FerryClient client = new FerryClient(FerryConfig.load(Map.of()).client());
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(client.job(id)));
        return 0;
    }
}
