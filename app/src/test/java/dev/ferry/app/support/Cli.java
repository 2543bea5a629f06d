package dev.ferry.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.Main;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code ferry} command run in this process as a user runs it, with what it printed captured. */
public final class Cli {
    private Cli() {}

    /** What one command printed, and its exit code. */
    public record Run(int exit, String out, String err) {
        /** The JSON object the command printed, indented, among the log lines of a node running in this process. */
        public JsonNode json() throws IOException {
            List<String> lines = out.lines().toList();
            int start = lines.indexOf("{");
            int end = lines.subList(Math.max(start, 0), lines.size()).indexOf("}");
            if (start < 0 || end < 0) {
                throw new IOException("no JSON object printed: " + out);
            }
            return Json.MAPPER.readTree(String.join("\n", lines.subList(start, start + end + 1)));
        }
    }

    public static Run ferry(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
