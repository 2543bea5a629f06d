package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.client.FerryClient;
import dev.ferry.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submits a job to a running Ferry (FERRY_URL) and prints it; with --wait, prints the finished job.")
public final class SubmitCommand implements Callable<Integer> {
    @Option(names = "--url", description = "The API's base URL (FERRY_URL), e.g. http://127.0.0.1:8000.")
    String url;

    @Parameters(index = "0", description = "The demo, e.g. noop.")
    String demo;

    @Option(names = {"-p", "--param"}, description = "name=value; a value that reads as JSON (3, true, [1,2]) is taken as JSON.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-f", "--file"}, description = "An input file; repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--priority", defaultValue = "normal", description = "high or normal.")
    String priority;

    @Option(names = "--wait", description = "Wait for the job to finish; exit 1 unless it succeeded.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "3600", description = "Seconds --wait waits at most.")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
        FerryClient client = new FerryClient(ClientOptions.settings(url));
        JsonNode job = client.submit(demo, parseParams(), files, priority);
        if (await) {
            job = JobWaiter.untilFinished(client, job.path("id").asText(), Duration.ofSeconds(timeoutSeconds));
        }
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(job));
        return !await || "succeeded".equals(job.path("state").asText()) ? 0 : 1;
    }

    private Map<String, Object> parseParams() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--param takes name=value, got '" + p + "'");
            }
            out.put(p.substring(0, eq), value(p.substring(eq + 1)));
        }
        return out;
    }

    private static Object value(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? text : Json.MAPPER.treeToValue(node, Object.class);
        } catch (Exception notJson) {
            return text;
        }
    }
}
