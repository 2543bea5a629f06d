package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.AsrModelsForTests;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.demos.asr.SyntheticSpeech;
import dev.ferry.demos.av.SyntheticVideo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asr demo through the whole platform: the real Silero VAD and a CTC graph with known
 * output installed in the data folder, real speech (espeak-ng, encoded as MP3) uploaded over
 * HTTP, the transcript, captions and segments downloaded again; bad inputs fail their jobs
 * with the reason, and the worker goes on serving.
 */
class AsrEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("asr").beforeStart(AsrEndToEndTest::installModels);
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;
    static SyntheticSpeech speech;
    static Path mp3;

    private static void installModels(FerryConfig config) throws Exception {
        AsrModelsForTests.install(config, files);
    }

    @BeforeAll
    static void recordSpeech() throws Exception {
        speech = SyntheticSpeech.create().silence(0.5).say("Good morning, everybody.").silence(2.0)
                .say("The meeting starts at nine.").silence(0.5);
        mp3 = speech.encode(files.resolve("meeting.mp3"), 44_100, 2, -1);
    }

    @Test
    void anMp3ComesBackAsATranscriptWithWordTimesCaptionsAndSegments() throws Exception {
        String id = api.submitFiles("asr", "{\"decoder\": \"beam\"}", mp3);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        JsonNode result = job.get("result");
        assertEquals("en", result.get("model").asText(), job::toString);
        assertEquals("beam", result.get("decoder").asText());
        assertEquals(2, result.get("segments").asInt(), job::toString);
        JsonNode segments = Json.MAPPER.readTree(api.file(id, result.get("segments_file").asText())).get("segments");
        JsonNode transcript = Json.MAPPER.readTree(api.file(id, result.get("transcript").asText()));
        for (int i = 0; i < 2; i++) {
            double start = segments.get(i).get("start").asDouble();
            assertEquals(speech.speech().get(i).start() - 0.2, start, 0.25, segments::toString);
            JsonNode alternative = transcript.at("/results/" + i + "/alternatives/0");
            assertEquals("hello world", alternative.get("transcript").asText(), transcript::toString);
            assertEquals(String.format(java.util.Locale.ROOT, "%.3fs", start + 0.1),
                    alternative.at("/words/0/startTime").asText());
        }
        String srt = new String(api.file(id, result.get("srt").asText()), StandardCharsets.UTF_8);
        assertTrue(srt.startsWith("1\n00:00:0"), srt);
        String vtt = new String(api.file(id, result.get("vtt").asText()), StandardCharsets.UTF_8);
        assertTrue(vtt.startsWith("WEBVTT\n\n"), vtt);
    }

    @Test
    void theDemoListsItsModelsAndRefusesAJobNamingAMissingOne() {
        JsonNode asr = null;
        for (JsonNode demo : api.get("/api/v1/demos").json().get("demos")) {
            if (demo.get("name").asText().equals("asr")) {
                asr = demo;
            }
        }
        assertTrue(asr != null && asr.get("models").toString().contains("silero_vad"), String.valueOf(asr));
        assertTrue(asr.get("models").toString().contains("\"en\""), asr::toString);

        Answer refused = api.postFiles("/api/v1/demos/asr/jobs", "{\"model\": \"zulu\"}", mp3);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("model_missing", refused.errorCode());
        assertTrue(refused.json().at("/error/message").asText().contains("ferry models install asr zulu"), refused::toString);

        Answer channel = api.postFiles("/api/v1/demos/asr/jobs", "{\"channel\": \"centre\"}", mp3);
        assertEquals(400, channel.status(), channel::toString);
        assertTrue(channel.toString().contains("channel"), channel::toString);
    }

    @Test
    void badInputsFailWithTheirReasonAndTheWorkerKeepsServing() throws Exception {
        Path silentVideo = SyntheticVideo.write(files.resolve("silent.mp4"), "mp4", 64, 48, 10, 10, 0, (i, bgr) -> { });
        JsonNode video = api.awaitFinished(api.submitFiles("asr", "{}", silentVideo), JOB_TIMEOUT);
        assertEquals("failed", video.get("state").asText(), video::toString);
        assertEquals("bad_input", video.at("/error/code").asText());
        assertTrue(video.at("/error/message").asText().contains("silent.mp4 has no audio track"), video::toString);
        assertEquals(1, video.get("attempts").asInt(), "bad input is not retried");

        byte[] wav = Files.readAllBytes(speech.writeWav(files.resolve("whole.wav")));
        Path lying = Files.write(files.resolve("lying.wav"), Arrays.copyOf(wav, wav.length / 4));
        JsonNode cut = api.awaitFinished(api.submitFiles("asr", "{}", lying), JOB_TIMEOUT);
        assertEquals("failed", cut.get("state").asText(), cut::toString);
        assertTrue(cut.at("/error/message").asText().contains("lying.wav: its WAV header declares"), cut::toString);

        JsonNode empty = api.awaitFinished(api.submitFiles("asr", "{}", Files.createFile(files.resolve("empty.wav"))),
                JOB_TIMEOUT);
        assertEquals("failed", empty.get("state").asText(), empty::toString);
        assertTrue(empty.at("/error/message").asText().contains("empty.wav is empty"), empty::toString);

        Answer image = api.postFiles("/api/v1/demos/asr/jobs", "{}", Files.write(files.resolve("page.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0}));
        assertEquals(415, image.status(), "an image is refused at upload: " + image);

        JsonNode next = api.awaitFinished(api.submitFiles("asr", "{}", files.resolve("whole.wav")), JOB_TIMEOUT);
        assertEquals("succeeded", next.get("state").asText(), next::toString);
        assertEquals(2, next.at("/result/segments").asInt(), next::toString);
    }
}
