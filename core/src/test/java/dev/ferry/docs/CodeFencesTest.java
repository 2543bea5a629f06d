package dev.ferry.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fenced code block of README.md and docs/*.md is closed, and none opens inside another:
 * one unclosed fence turns the rest of a page into code, and the page reads as if cut off.
 */
class CodeFencesTest {
    @Test
    void everyFenceIsClosedAndNoneIsNested() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            problems.addAll(fenceProblems(page));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aFenceOpenedInsideAnotherIsReported() throws IOException {
        Path page = Files.createTempFile("fences-", ".md");
        try {
            Files.writeString(page, "- a:\n\n  ```json\n  {}\n\n## b\n\n```sh\nls\n```\n");
            assertEquals(List.of(page.getFileName() + ":8: ```sh opens inside the block opened at line 3"),
                    fenceProblems(page));
        } finally {
            Files.delete(page);
        }
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(RepositoryFiles.find("README.md")));
        try (Stream<Path> docs = Files.list(RepositoryFiles.find("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /**
     * A line starting (after indentation) with three backticks is a fence: with an info string
     * it opens a block, bare it opens or closes one. An info string inside a block is a block
     * opened in another, which Markdown has not: it means the one before was never closed.
     */
    static List<String> fenceProblems(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<String> problems = new ArrayList<>();
        String name = page.getFileName().toString();
        int openedAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("```")) {
                continue;
            }
            boolean bare = line.equals("```");
            if (openedAt == 0) {
                openedAt = i + 1;
            } else if (bare) {
                openedAt = 0;
            } else {
                problems.add(name + ":" + (i + 1) + ": " + line + " opens inside the block opened at line " + openedAt);
                openedAt = i + 1;
            }
        }
        if (openedAt != 0) {
            problems.add(name + ":" + openedAt + ": the block opened here is never closed");
        }
        return problems;
    }
}
