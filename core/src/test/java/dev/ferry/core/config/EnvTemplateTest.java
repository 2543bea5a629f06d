package dev.ferry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** .env.template documents exactly the settings FerryConfig reads, and nothing else reads settings. */
class EnvTemplateTest {
    private static final Pattern SETTING = Pattern.compile("^#?([A-Z][A-Z0-9_]+)=", Pattern.MULTILINE);

    @Test
    void templateListsEverySettingAndNothingElse() throws IOException {
        String template = Files.readString(RepositoryFiles.find(".env.template"));
        Set<String> documented = new TreeSet<>();
        Matcher m = SETTING.matcher(template);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(FerryConfig.settingNames(), documented);
    }

    /** A setting read elsewhere would escape the comparison above, as FERRY_DEBUG once did. */
    @Test
    void onlyTheConfigPackageReadsTheEnvironment() throws IOException {
        Path repository = RepositoryFiles.find(".env.template").getParent();
        Path config = Path.of("core", "src", "main", "java", "dev", "ferry", "core", "config");
        try (Stream<Path> files = Files.walk(repository)) {
            List<Path> readers = files
                    .filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.startsWith(repository.resolve(config)))
                    .filter(f -> read(f).contains("System.getenv"))
                    .map(repository::relativize)
                    .toList();
            assertEquals(List.of(), readers);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
