package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.job.JobState;
import dev.ferry.testkit.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/queue.md's transition table is {@link JobTransition}, row for row. */
class JobTransitionDocsTest {
    private static final String HEADER = "| transition | script | from | to |";
    /** How the docs write "no record": before submit, after expire. */
    private static final String NONE = "–";

    private record Row(String transition, String script, Set<String> from, Set<String> to) {}

    @Test
    void docsListTheTableOfTheCode() throws IOException {
        List<Row> documented = Files.readAllLines(RepositoryFiles.find("docs/queue.md")).stream()
                .dropWhile(line -> !line.startsWith(HEADER))
                .skip(2)
                .takeWhile(line -> line.startsWith("|"))
                .map(JobTransitionDocsTest::documented)
                .toList();
        assertEquals(Arrays.stream(JobTransition.values()).map(JobTransitionDocsTest::coded).toList(), documented);
    }

    private static Row coded(JobTransition t) {
        return new Row(t.wireName(), "`" + t.script().name().toLowerCase(Locale.ROOT) + ".lua`", names(t.from()), names(t.to()));
    }

    private static Set<String> names(Set<JobState> states) {
        return states.isEmpty() ? Set.of(NONE) : states.stream().map(JobState::wireName).collect(Collectors.toSet());
    }

    /** A row's first four cells: {@code | cancel | `cancel.lua` | queued | cancelled | who...}. */
    private static Row documented(String line) {
        String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
        return new Row(cells[1], cells[2], Set.of(cells[3].split(",\\s*")), Set.of(cells[4].split(",\\s*")));
    }
}
