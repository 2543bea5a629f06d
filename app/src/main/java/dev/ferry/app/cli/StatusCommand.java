package dev.ferry.app.cli;

import dev.ferry.app.client.FerryClient;
import dev.ferry.core.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Prints a job as the API sees it.")
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--url", description = "The API's base URL (FERRY_URL), e.g. http://127.0.0.1:8000.")
    String url;

    @Parameters(index = "0", description = "The job id.")
    String id;

    @Override
    public Integer call() throws Exception {
        FerryClient client = new FerryClient(ClientOptions.settings(url));
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(client.job(id)));
        return 0;
    }
}
