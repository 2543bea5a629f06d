package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.error.ErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes the Lua scripts write into jobs, and the refusals they reply with, are ones Java reads back. */
class ScriptErrorCodesTest {
    private static final Pattern JOB_CODE = Pattern.compile("(?:finish\\(job_key, now, |'HSET', job_key, 'error_code', )'([^']*)'");
    private static final Pattern REFUSAL = Pattern.compile("error_reply\\('([A-Z_]+)");

    @Test
    void everyCodeAScriptWritesIntoAJobIsAnErrorCode() {
        assertAllKnown(JOB_CODE, Set.of("cancelled", "poison", "worker_lost"), c -> ErrorCode.parse(c).isPresent(), "ErrorCode");
    }

    @Test
    void everyRefusalAScriptRepliesWithIsAQueueError() {
        assertAllKnown(REFUSAL, Set.of("QUEUE_FULL", "NOT_FOUND", "NOT_OWNER", "NOT_DEAD_LETTER"), r -> QueueError.fromReply(r).isPresent(),
                "QueueError");
    }

    /** {@code surely} guards the pattern: were it to find nothing, every check would pass. */
    private static void assertAllKnown(Pattern pattern, Set<String> surely, Predicate<String> known, String vocabulary) {
        Set<String> found = new TreeSet<>();
        Arrays.stream(QueueScript.values()).forEach(script -> {
            Matcher m = pattern.matcher(script.source());
            while (m.find()) {
                found.add(m.group(1));
            }
        });
        assertTrue(found.containsAll(surely), "found only " + found);
        for (String word : found) {
            assertTrue(known.test(word), "a script uses '" + word + "', which " + vocabulary + " lacks");
        }
    }
}
