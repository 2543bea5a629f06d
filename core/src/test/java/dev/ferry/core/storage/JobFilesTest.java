package dev.ferry.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Job entries of an input list: checked when read, and matched against the job's real output files. */
class JobFilesTest {
    static final String ID = "regions-01jdb7q1c0m8m8e0z0d3qj6y2w";

    @TempDir
    Path outputs;

    @Test
    void aJobEntryIsReadBesideUrlsAndWrittenBackAsGiven() throws Exception {
        InputSpec spec = InputSpec.parse(("{\"inputs\": [{\"url\": \"https://example.org/a.jpg\"},"
                + " {\"job\": \" " + ID + "\", \"files\": \"crops/*\"}]}").getBytes());
        JobFiles files = new JobFiles(JobId.parse(ID).orElseThrow(), "crops/*");
        assertEquals(List.of(new InputSpec.UrlInput("https://example.org/a.jpg"), files), spec.inputs());
        assertEquals(List.of(files), spec.jobFiles());
        assertEquals(spec, InputSpec.parse(spec.toJson()));
        JsonNode written = Json.MAPPER.readTree(spec.toJson()).get("inputs").get(1);
        assertEquals(ID, written.get("job").asText());
        assertEquals("crops/*", written.get("files").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"job\": \"regions-nope\", \"files\": \"crops/*\"}                         | inputs[0].job is not a job id",
        "{\"job\": 42, \"files\": \"crops/*\"}                                       | inputs[0].job must be a job id string",
        "{\"job\": \"" + ID + "\"}                                                   | inputs[0].files is required",
        "{\"job\": \"" + ID + "\", \"files\": \"/etc/*\"}                            | inputs[0].files must be a pattern relative",
        "{\"job\": \"" + ID + "\", \"files\": \"../faces-01jdb7q1c0m8m8e0z0d3qj6y2w/*\"} | inputs[0].files may not contain . or ..",
        "{\"job\": \"" + ID + "\", \"files\": \"crops/{a,..}/x\"}                    | inputs[0].files may not contain . or ..",
        "{\"job\": \"" + ID + "\", \"files\": \"crops\\\\*\"}                        | inputs[0].files must be a pattern relative",
        "{\"job\": \"" + ID + "\", \"files\": \"crops/[a\"}                          | inputs[0].files is not a valid pattern",
        "{\"job\": \"" + ID + "\", \"files\": \" \"}                                 | inputs[0].files must be a non-empty pattern",
        "{\"job\": \"" + ID + "\", \"url\": \"https://example.org/a.jpg\"}           | inputs[0] names both a url and a job",
    })
    void aBadJobEntryIsRefusedNamingItsField(String entry, String start) {
        String message = assertThrows(IllegalArgumentException.class,
                () -> InputSpec.parse(("[" + entry + "]").getBytes())).getMessage();
        assertTrue(message.startsWith(start), message);
    }

    @Test
    void thePatternMatchesRegularFilesUnderTheOutputsFolderInNameOrder() throws Exception {
        Files.createDirectories(outputs.resolve("crops/deep"));
        Files.createDirectories(outputs.resolve("overlays"));
        for (String name : List.of("crops/0002-b_1.jpg", "crops/0001-a_2.jpg", "crops/0001-a_1.jpg", "crops/deep/x.jpg",
                "overlays/0001-a.jpg", "annotations.json")) {
            Files.writeString(outputs.resolve(name), name);
        }
        Files.createSymbolicLink(outputs.resolve("crops/link.jpg"), outputs.resolve("annotations.json"));
        JobId id = JobId.parse(ID).orElseThrow();

        assertEquals(List.of("crops/0001-a_1.jpg", "crops/0001-a_2.jpg", "crops/0002-b_1.jpg"),
                new JobFiles(id, "crops/*").match(outputs), "a link is not followed, * stays in its folder");
        assertEquals(List.of("crops/0001-a_1.jpg", "crops/0001-a_2.jpg", "crops/0002-b_1.jpg", "crops/deep/x.jpg"),
                new JobFiles(id, "crops/**").match(outputs));
        assertEquals(List.of("crops/0001-a_1.jpg", "overlays/0001-a.jpg"),
                new JobFiles(id, "{crops,overlays}/0001-a{_1,}.jpg").match(outputs));
        assertEquals(List.of(), new JobFiles(id, "crops/*").match(outputs.resolve("gone")), "an expired job has no files");
        assertEquals(ID + "/crops/0001-a_1.jpg", new JobFiles(id, "crops/*").source("crops/0001-a_1.jpg"));
    }
}
