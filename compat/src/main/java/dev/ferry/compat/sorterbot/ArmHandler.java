package dev.ferry.compat.sorterbot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.demos.media.ImageDecoder;
import dev.ferry.demos.media.MediaException;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arms' four commands (sorterbot_cloud, src/server.py): {@code recv_img_proc} and
 * {@code recv_img_after} store a photo and answer {@code true}; {@code get_commands_of_session}
 * runs a sorting job on the session's photos and answers its commands;
 * {@code stitch_after_image} queues a stitch job and answers nothing, as the original did.
 */
final class ArmHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ArmHandler.class);
    private static final long POLL_MS = 200;
    private static final List<String> ARM_CONSTANTS = List.of("arm_radius", "rotation_range_as_deg",
            "rotation_range_as_pw", "dist_min_as_pw", "dist_max_as_pw");

    private final ArmSessions sessions;
    private final SortingJobs jobs;
    private final ImageDecoder decoder;
    private final ScheduledExecutorService timer;
    private final Duration wait;

    ArmHandler(ArmSessions sessions, SortingJobs jobs, ImageDecoder decoder, ScheduledExecutorService timer, Duration wait) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.decoder = decoder;
        this.timer = timer;
        this.wait = wait;
    }

    void onBinary(WsBinaryMessageContext ws) {
        try {
            ArmMessage message = ArmMessage.binary(ws.data(), ws.offset(), ws.length());
            PhotoKind kind = switch (message.command()) {
                case "recv_img_proc" -> PhotoKind.PROC;
                case "recv_img_after" -> PhotoKind.AFTER;
                default -> throw unknown(message.command());
            };
            byte[] photo = message.photo().orElseThrow();
            probe(photo);
            sessions.store(SessionKey.of(message), kind, message.text("image_name"), photo);
            ws.send("true");
        } catch (ProtocolError e) {
            ArmAnswers.fail(ws, "false", e);
        } catch (IOException | RuntimeException e) {
            LOG.error("SorterBot photo failed", e);
            ArmAnswers.fail(ws, "false", new ProtocolError(ErrorCode.INTERNAL_ERROR, "the photo could not be stored"));
        }
    }

    void onText(WsMessageContext ws) {
        String failed = "";
        try {
            ArmMessage message = ArmMessage.ofText(ws.message());
            switch (message.command()) {
                case "get_commands_of_session" -> {
                    failed = "[]";
                    commands(ws, message);
                }
                case "stitch_after_image" -> stitch(message);
                default -> throw unknown(message.command());
            }
        } catch (ProtocolError e) {
            ArmAnswers.fail(ws, failed, e);
        } catch (IOException | RuntimeException e) {
            LOG.error("SorterBot command failed", e);
            ArmAnswers.fail(ws, failed, new ProtocolError(ErrorCode.INTERNAL_ERROR, "the command failed on the server"));
        }
    }

    private void commands(WsContext ws, ArmMessage message) throws IOException {
        JsonNode constants = message.headers().get("arm_constants");
        if (constants == null || !constants.isObject()) {
            throw new ProtocolError(ErrorCode.INVALID_PARAM, "get_commands_of_session needs arm_constants (an object)");
        }
        // The arm's id travels inside its constants (its whole arm_config.yaml) in this message.
        SessionKey session = new SessionKey(new ArmMessage(constants, Optional.empty()).text("arm_id"),
                message.text("session_id"));
        Map<String, Object> params = new LinkedHashMap<>(Map.of("mode", "commands"));
        for (String name : ARM_CONSTANTS) {
            JsonNode value = constants.get(name);
            if (value == null || !value.isNumber()) {
                throw new ProtocolError(ErrorCode.INVALID_PARAM, "arm_constants." + name + " must be a number");
            }
            params.put(name, value.numberValue());
        }
        JobId id = jobs.submit(params, sessions.photos(session, PhotoKind.PROC));
        awaitCommands(ws, id, System.nanoTime() + wait.toNanos());
    }

    /** Polls without holding a thread: the arm's connection waits, no server thread does. */
    private void awaitCommands(WsContext ws, JobId id, long deadline) {
        try {
            Optional<Job> job = jobs.finished(id);
            if (job.isPresent()) {
                ws.send(Json.MAPPER.writeValueAsString(SortingJobs.result(job.get()).get("commands")));
            } else if (System.nanoTime() > deadline) {
                throw new ProtocolError(ErrorCode.TIMEOUT, "job " + id + " did not finish within " + wait.toSeconds()
                        + " s (FERRY_SORTERBOT_WAIT_S)");
            } else {
                timer.schedule(() -> awaitCommands(ws, id, deadline), POLL_MS, TimeUnit.MILLISECONDS);
            }
        } catch (ProtocolError e) {
            ArmAnswers.fail(ws, "[]", e);
        } catch (IOException | RuntimeException e) {
            LOG.error("SorterBot commands of job {} failed", id, e);
            ArmAnswers.fail(ws, "[]", new ProtocolError(ErrorCode.INTERNAL_ERROR, "reading job " + id + " failed"));
        }
    }

    private void stitch(ArmMessage message) throws IOException {
        JobId id = jobs.submit(Map.of("mode", "stitch"), sessions.photos(SessionKey.of(message), PhotoKind.AFTER));
        LOG.info("SorterBot stitch queued as job {}", id);
    }

    private void probe(byte[] photo) {
        try {
            decoder.probe(photo);
        } catch (MediaException e) {
            throw new ProtocolError(e.errorCode(), e.getMessage());
        }
    }

    private static ProtocolError unknown(String command) {
        return new ProtocolError(ErrorCode.INVALID_PARAM, "unknown command '" + command + "'; SorterBot's are recv_img_proc,"
                + " recv_img_after, get_commands_of_session and stitch_after_image");
    }
}
