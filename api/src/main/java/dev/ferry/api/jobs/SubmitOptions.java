package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.job.Priority;
import java.time.Duration;

/** A job's priority and time limit: from the body or form, else the query string, else the demo's defaults. */
record SubmitOptions(Priority priority, long timeLimitMs) {

    static SubmitOptions resolve(SubmitForm form, SubmitCaller caller, Demo demo, Duration maxTimeLimit) {
        Priority priority = form.priority().or(() -> caller.query().apply("priority"))
                .map(SubmitOptions::priority)
                .orElse(Priority.NORMAL);
        long timeLimitMs = form.timeLimitS().or(() -> caller.query().apply("time_limit_s"))
                .map(text -> timeLimitS(text, maxTimeLimit) * 1000)
                .orElse(demo.timeLimit().toMillis());
        return new SubmitOptions(priority, timeLimitMs);
    }

    private static Priority priority(String text) {
        return Priority.parse(text).orElseThrow(() ->
                ApiException.invalidParam("priority", "priority must be high or normal, got '" + text + "'"));
    }

    private static long timeLimitS(String text, Duration max) {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParam("time_limit_s", "time_limit_s must be a whole number of seconds, got '" + text + "'");
        }
        if (seconds < 1 || seconds > max.toSeconds()) {
            throw ApiException.invalidParam("time_limit_s", "time_limit_s must be between 1 and " + max.toSeconds() + ", got " + seconds);
        }
        return seconds;
    }
}
