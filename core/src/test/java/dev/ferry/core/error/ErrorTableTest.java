package dev.ferry.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/api.md's table of error codes is ErrorCode, row for row: no code missing, none extra, same status and meaning. */
class ErrorTableTest {
    private static final String HEADER = "| code | status | meaning |";

    @Test
    void theDocumentedTableIsTheEnum() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryFiles.find("docs/api.md"));
        int start = lines.indexOf(HEADER);
        List<String> documented = lines.stream().skip(Math.max(start, 0)).takeWhile(line -> line.startsWith("|")).toList();
        assertEquals(table(), String.join("\n", documented), "docs/api.md should hold the expected table");
    }

    /** The table as docs/api.md shows it; a code only a job or a page carries has no status. */
    private static String table() {
        return HEADER + "\n|---|---|---|\n" + Arrays.stream(ErrorCode.values())
                .map(c -> "| `" + c.wireName() + "` | " + (c.status().isPresent() ? c.status().getAsInt() : "—") + " | "
                        + c.meaning() + " |")
                .collect(Collectors.joining("\n"));
    }
}
