package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.client.FerryClient;
import dev.ferry.core.json.Json;
import java.io.IOException;
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
        description = "Submits a job to a running Ferry (FERRY_URL) and prints it; with --wait, shows its progress on"
                + " standard error and prints the finished job.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the job was submitted (with --wait: it succeeded)", "1:with --wait: the job failed or was cancelled",
            "2:the command failed: Ferry unreachable, the job refused...",
            "3:with --wait: the timeout ran out, the job is still queued or running"})
public final class SubmitCommand implements Callable<Integer> {
    static final int JOB_NOT_SUCCEEDED = 1;
    static final int TIMED_OUT = 3;

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

    @Option(names = "--wait", description = "Wait for the job to finish, showing its progress; exit 1 unless it succeeded.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "3600",
            description = "Seconds --wait waits at most; then it exits 3, leaving the job to run.")
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
        if (!await) {
            print(job);
            return 0;
        }
        String id = job.path("id").asText();
        ProgressLine progress = ProgressLine.onStandardError();
        job = JobWaiter.untilFinished(client, id, Duration.ofSeconds(timeoutSeconds), progress::show);
        progress.end();
        print(job);
        if (!JobWaiter.isFinished(job)) {
            System.err.println("ferry: timed out after " + timeoutSeconds + " s, the job is still "
                    + job.path("state").asText() + ": ferry status " + id);
            return TIMED_OUT;
        }
        return "succeeded".equals(job.path("state").asText()) ? 0 : JOB_NOT_SUCCEEDED;
    }

    private static void print(JsonNode job) throws IOException {
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(job));
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
