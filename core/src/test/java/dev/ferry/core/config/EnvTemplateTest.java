package dev.ferry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** .env.template documents exactly the settings FerryConfig reads. */
class EnvTemplateTest {
    private static final Pattern SETTING = Pattern.compile("^#?([A-Z][A-Z0-9_]+)=", Pattern.MULTILINE);

    @Test
    void templateListsEverySettingAndNothingElse() throws IOException {
        String template = Files.readString(RepositoryRoot.path().resolve(".env.template"));
        Set<String> documented = new TreeSet<>();
        Matcher m = SETTING.matcher(template);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(FerryConfig.settingNames(), documented);
    }
}
