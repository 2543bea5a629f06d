package dev.ferry.compat.sign2text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.compat.CompatForTests;
import dev.ferry.compat.CompatForTests.Answer;
import dev.ferry.api.support.Multipart;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.sign.SignDemo;
import dev.ferry.demos.sign.SignGraphs;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /sign} when no worker takes its job: the client is told to come back (503 with
 * {@code Retry-After}, never a dropped connection), and the job it will send again is
 * cancelled. The model is the default, Sign2Text's own {@code wlasl8}, installed as a user
 * installs it; it never runs here.
 */
class SignUnderLoadTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    @Test
    void aJobNotDoneWithinTheWaitIsCancelledAndTheClientToldToRetry() throws Exception {
        try (TempFolder folders = TempFolder.create("ferry-sign-wait-")) {
            Path data = folders.newFolder("data-");
            Path weights = Files.write(folders.newFolder("files-").resolve("WLASL_8_quantized.onnx"),
                    SignGraphs.colourMeans(50, 224, 224, 1f));
            new ModelStore(data, ModelCatalog.builtIn()).install(new ModelRef(SignDemo.NAME, "wlasl8"), weights);
            Path video = SyntheticVideo.write(folders.newFolder("video-").resolve("clip.mp4"), "mp4", 32, 32, 10, 5, 0,
                    (i, frame) -> frame.put(new Scalar(0, 0, 250, 0)));
            try (CompatForTests ferry = CompatForTests.start(redis, data, false, services -> List.of(new SignDemo(services)),
                    "FERRY_COMPAT", "sign2text", "FERRY_COMPAT_WAIT_S", 1)) {

                Answer answer = ferry.call(new Multipart().file("video", "clip.mp4", "video/mp4", Files.readAllBytes(video))
                        .post(ferry.uri("/sign")).build());

                assertEquals(503, answer.status(), answer.text());
                assertEquals("5", answer.header("Retry-After").orElse(""));
                assertTrue(answer.json().get("detail").asText().contains("within 1 s"), answer.text());
                List<JobId> jobs = ferry.jobIds();
                assertEquals(1, jobs.size(), jobs::toString);
                Job job = Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> ferry.job(jobs.get(0).toString()), j -> j.state() == JobState.CANCELLED);
                assertEquals("wlasl8", job.params().get("model"), "Sign2Text's model unless a setting names another");
            }
        }
    }
}
