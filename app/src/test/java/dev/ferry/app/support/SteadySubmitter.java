package dev.ferry.app.support;

import static org.awaitility.Awaitility.await;

import dev.ferry.app.support.ApiCalls.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Load for fault tests: one client submitting the same job over and over through the real
 * API, answers sorted as they come: accepted (202) job ids, other answers, and requests that
 * got no answer at all (the connection failed or the client's 30 s timeout ran out).
 */
public final class SteadySubmitter implements AutoCloseable {
    private final ApiCalls api;
    private final String path;
    private final String body;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Answer> refused = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> unanswered = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;

    private SteadySubmitter(ApiCalls api, String demo, String body) {
        this.api = api;
        this.path = "/api/v1/demos/" + demo + "/jobs";
        this.body = body;
        this.thread = new Thread(this::submitUntilStopped, "steady-submitter");
    }

    /** Starts submitting {@code body} (a JSON submit) to {@code demo}. */
    public static SteadySubmitter start(ApiCalls api, String demo, String body) {
        SteadySubmitter submitter = new SteadySubmitter(api, demo, body);
        submitter.thread.start();
        return submitter;
    }

    private void submitUntilStopped() {
        while (!stopping) {
            try {
                Answer answer = api.postJson(path, body);
                if (answer.status() == 202) {
                    accepted.add(answer.json().get("id").asText());
                } else {
                    refused.add(answer);
                }
            } catch (RuntimeException e) {
                unanswered.add(e);
            }
        }
    }

    /** Waits until {@code count} submits in all were accepted. */
    public void awaitAccepted(int count) {
        await(count + " submits accepted").atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= count);
    }

    /** Waits until {@code count} submits in all were refused. */
    public void awaitRefused(int count) {
        await(count + " submits refused").atMost(Duration.ofSeconds(120)).until(() -> refused.size() >= count);
    }

    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    public List<Answer> refused() {
        return List.copyOf(refused);
    }

    public List<RuntimeException> unanswered() {
        return List.copyOf(unanswered);
    }

    /** Stops after the request under way. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
    }
}
