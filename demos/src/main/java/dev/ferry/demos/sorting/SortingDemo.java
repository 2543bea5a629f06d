package dev.ferry.demos.sorting;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.YoloDetector;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.MediaException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A robot arm's photos of its work area, each named by the base servo's pulse width it was
 * taken at, turned into pick-and-drop commands in the arm's pulse widths ({@code mode=commands});
 * or its "after" photos stitched into one panorama ({@code mode=stitch}).
 */
public final class SortingDemo implements Demo {
    public static final String NAME = "sorting";
    public static final String DEFAULT_DETECTOR = "items";
    public static final String DEFAULT_EMBEDDER = "resnet18";
    public static final String MODE_COMMANDS = "commands";
    public static final String MODE_STITCH = "stitch";
    public static final String PANORAMA = "panorama.jpg";

    private final DemoServices services;

    public SortingDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Turns a robot arm's photos (each named by its base servo's pulse width, e.g. 1800.jpg) into commands"
                + " that move each item to the container of its kind, in the arm's servo pulse widths; or stitches"
                + " photos into one panorama (mode=stitch). After SorterBot's cloud service";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.oneOf("mode", MODE_COMMANDS, MODE_STITCH)
                        .describe("commands: detect, place and group items, answer the pick-and-drop commands;"
                                + " stitch: join the photos into panorama.jpg"),
                Param.string("detector", DEFAULT_DETECTOR).range(1, 64)
                        .describe("YOLO model under models/sorting/ whose labels include item and container"),
                Param.string("embedder", DEFAULT_EMBEDDER).range(1, 64)
                        .describe("feature extractor under models/sorting/ (the embedding contract) that tells items apart"),
                Param.number("confidence", 0).range(0, 1)
                        .describe("minimum detection score; 0 uses the detector's default (0.25)"),
                Param.number("merge_distance", 150).range(0, 10_000)
                        .describe("sightings on neighbouring photos closer than this in both pulse widths are one object"),
                Param.number(ArmConstants.ARM_RADIUS, 1500).range(1, 1_000_000)
                        .describe("pixels from the arm's axis to the centre of a photo"),
                Param.number(ArmConstants.ROTATION_RANGE_AS_DEG, 130).range(1, 360)
                        .describe("degrees the base turns over rotation_range_as_pw"),
                Param.number(ArmConstants.ROTATION_RANGE_AS_PW, 1400).range(1, 100_000)
                        .describe("base servo pulse widths over rotation_range_as_deg"),
                Param.number(ArmConstants.DIST_MIN_AS_PW, 1100).range(0, 100_000)
                        .describe("reach servo pulse width at a photo's bottom edge"),
                Param.number(ArmConstants.DIST_MAX_AS_PW, 2000).range(0, 100_000)
                        .describe("reach servo pulse width one photo height further"));
    }

    @Override
    public List<String> accepts() {
        return List.of("image/*");
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, DEFAULT_DETECTOR, DEFAULT_EMBEDDER);
    }

    @Override
    public void checkReady(Map<String, Object> params) {
        if (MODE_COMMANDS.equals(params.get("mode"))) {
            DemoModels.require(services.models(), NAME, String.valueOf(params.get("detector")), false);
            DemoModels.require(services.models(), NAME, String.valueOf(params.get("embedder")), false);
        }
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        List<SessionPhoto> photos = SessionPhoto.of(ctx.inputs());
        if (ctx.stringParam("mode").equals(MODE_STITCH)) {
            Panorama.Size size = Panorama.stitch(photos, services.media().decoder(), ctx.outputDir().resolve(PANORAMA));
            return Json.MAPPER.valueToTree(new StitchResult(MODE_STITCH, photos.size(), PANORAMA, size.width(), size.height()));
        }
        ArmConstants arm = ArmConstants.of(ctx);
        StageClock clock = new StageClock();
        List<Sighting> sightings = sightings(ctx, photos, arm, clock);
        double distance = ctx.doubleParam("merge_distance");
        List<SortingObject> items = DuplicateMerge.merge(ofKind(sightings, Sighting.Kind.ITEM), distance);
        List<SortingObject> containers = DuplicateMerge.merge(ofKind(sightings, Sighting.Kind.CONTAINER), distance);
        SortingPlan plan = SortingPlan.of(items, containers);
        List<String> warnings = warnings(items.size(), containers.size());
        SortingReport.write(ctx.outputDir(), photos, arm, plan, warnings);
        ctx.progress(photos.size(), photos.size(), "done");
        return Json.MAPPER.valueToTree(new CommandsResult(MODE_COMMANDS, photos.size(), items.size(), containers.size(),
                plan.commands(), warnings, SortingReport.COMMANDS, SortingReport.DETAILS, SortingReport.REPORT,
                clock.millis()));
    }

    private List<Sighting> sightings(DemoContext ctx, List<SessionPhoto> photos, ArmConstants arm, StageClock clock)
            throws Exception {
        List<Sighting> sightings = new ArrayList<>();
        try (ModelLease detector = services.lease(ModelRef.forJob(NAME, ctx.stringParam("detector")));
             ModelLease embedder = services.lease(ModelRef.forJob(NAME, ctx.stringParam("embedder")))) {
            requireLabels(detector);
            SightingFinder finder = new SightingFinder(new YoloDetector(detector),
                    DetectOptions.resolve(detector.contract(), ctx.doubleParam("confidence"), 0, 0),
                    new EmbeddingModel(embedder), arm, clock);
            for (int i = 0; i < photos.size(); i++) {
                SessionPhoto photo = photos.get(i);
                ctx.progress(i, photos.size(), "photo " + photo.pulseWidth());
                sightings.addAll(find(finder, photo, ctx));
            }
        }
        return sightings;
    }

    private List<Sighting> find(SightingFinder finder, SessionPhoto photo, DemoContext ctx) throws Exception {
        String name = photo.file().getFileName().toString();
        try (Mat image = services.media().decoder().decode(Files.readAllBytes(photo.file()))) {
            return finder.find(photo.pulseWidth(), image, ctx::isCancelled);
        } catch (MediaException e) {
            throw new DemoFailure(e.errorCode(), "photo " + name + ": " + e.getMessage(), false);
        } catch (OrtException e) {
            throw new DemoFailure(ErrorCode.MODEL_FAILED, "the models failed on photo " + name + ": " + e.getMessage(), false);
        }
    }

    private static void requireLabels(ModelLease detector) {
        List<String> labels = detector.contract().labels();
        if (!detector.contract().task().equals(YoloDetector.TASK) || !labels.contains(Sighting.Kind.ITEM.label())
                || !labels.contains(Sighting.Kind.CONTAINER.label())) {
            throw ModelFailures.invalid(detector.model().ref(), "a sorting detector is a YOLO model (task " + YoloDetector.TASK
                    + ") whose labels include item and container; this one's task is " + detector.contract().task()
                    + " and its labels are " + labels);
        }
    }

    private static List<Sighting> ofKind(List<Sighting> sightings, Sighting.Kind kind) {
        return sightings.stream().filter(s -> s.kind() == kind).toList();
    }

    private static List<String> warnings(int items, int containers) {
        List<String> warnings = new ArrayList<>();
        if (containers == 0) {
            warnings.add("no container was found: there is nowhere to put the items, so there are no commands");
        } else if (items == 0) {
            warnings.add("no item was found: there is nothing to move");
        } else if (containers > items) {
            warnings.add(containers + " containers but only " + items + " items: the last " + (containers - items)
                    + " containers stay empty");
        }
        return warnings;
    }

    /** A commands job's result: {@code commands} is exactly what the arm is sent. */
    public record CommandsResult(String mode, int photos, int items, int containers, List<PickAndDrop> commands,
                                 List<String> warnings, String commandsFile, String details, String report,
                                 Map<String, Double> timingsMs) {}

    /** A stitch job's result. */
    public record StitchResult(String mode, int photos, String panorama, int width, int height) {}
}
