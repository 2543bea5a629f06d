package dev.ferry.demos.inference;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.hash.Sha256;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models on this machine: {@code <data>/models/<demo>/<model>/model.onnx} beside its
 * {@code model.json} contract. Says which are present, missing or corrupt (sha256 differs
 * from the contract's), installs verified files, and hands jobs the models they name.
 * Nothing here downloads: that is {@link ModelPuller}, run by an operator.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    public static final String WEIGHTS = "model.onnx";
    public static final String CONTRACT = "model.json";

    private final Path root;
    private final ModelCatalog catalog;
    private final FileHashes hashes = new FileHashes();

    public ModelStore(Path dataDir, ModelCatalog catalog) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("models");
        this.catalog = catalog;
    }

    public static ModelStore of(FerryConfig config) {
        return new ModelStore(config.dataDir(), ModelCatalog.builtIn());
    }

    public Path root() {
        return root;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public Path folder(ModelRef ref) {
        return root.resolve(ref.demo()).resolve(ref.model());
    }

    /** Every model of every demo: the manifest's, and any installed by hand. */
    public List<ModelStatus> list() {
        return list(List.of());
    }

    /**
     * Like {@link #list()}, plus {@code expected} models even when neither the manifest nor
     * the folder knows them: the models the demos say they load ({@code Demo.models()}), so
     * a missing one is listed as missing, as {@code GET /api/v1/demos} lists it.
     */
    public List<ModelStatus> list(Collection<ModelRef> expected) {
        Map<ModelRef, ModelStatus> out = new LinkedHashMap<>();
        catalog.all().forEach(e -> out.put(e.ref(), status(e.ref())));
        installedRefs().forEach(ref -> out.computeIfAbsent(ref, this::status));
        expected.forEach(ref -> out.computeIfAbsent(ref, this::status));
        return sorted(out.values());
    }

    /** One demo's models. */
    public List<ModelStatus> list(String demo) {
        return list().stream().filter(s -> s.demo().equals(demo)).toList();
    }

    /** Like {@link #list()}, but every file is hashed again. */
    public List<ModelStatus> verify() {
        hashes.forget();
        return list();
    }

    public ModelStatus status(ModelRef ref) {
        Optional<CatalogEntry> entry = catalog.find(ref);
        Path weights = folder(ref).resolve(WEIGHTS);
        String task = entry.map(e -> e.contract().task()).orElse("");
        String licence = entry.map(CatalogEntry::licence).orElse("");
        String source = entry.map(e -> e.source().describe()).orElse("");
        if (!Files.isRegularFile(weights)) {
            String how = ModelFailures.missing(ref, entry.isPresent()).getMessage();
            return new ModelStatus(ref.demo(), ref.model(), task, ModelState.MISSING, 0,
                    entry.map(CatalogEntry::sha256).orElse(""), licence, source, entry.isPresent(), how);
        }
        long size = sizeOf(weights);
        ModelContract contract;
        try {
            contract = readContract(ref);
        } catch (IOException | RuntimeException e) {
            return new ModelStatus(ref.demo(), ref.model(), task, ModelState.CORRUPT, size, "", licence, source,
                    entry.isPresent(), "model.json is missing or unreadable (" + e.getMessage() + ")");
        }
        String expected = expectedSha256(contract, entry);
        String actual = hashes.sha256(weights);
        ModelContract.Provenance p = contract.provenance();
        String shownLicence = p.licence().isEmpty() ? licence : p.licence();
        String shownSource = p.source().isEmpty() ? source : p.source();
        if (!expected.isEmpty() && !expected.equals(actual)) {
            return new ModelStatus(ref.demo(), ref.model(), contract.task(), ModelState.CORRUPT, size, actual,
                    shownLicence, shownSource, entry.isPresent(),
                    ModelFailures.corrupt(ref, "sha256 " + actual + ", expected " + expected).getMessage());
        }
        return new ModelStatus(ref.demo(), ref.model(), contract.task(), ModelState.PRESENT, size, actual,
                shownLicence, shownSource, entry.isPresent(), "");
    }

    /**
     * The model a job asked for.
     *
     * @throws DemoFailure {@code model_missing} (with the command that installs it), {@code model_corrupt}
     *                     or {@code model_invalid}; none retryable
     */
    public InstalledModel require(ModelRef ref) {
        ModelStatus status = status(ref);
        switch (status.state()) {
            case MISSING -> throw ModelFailures.missing(ref, status.pullable());
            case CORRUPT -> throw new DemoFailure(ErrorCode.MODEL_CORRUPT, status.detail(), false);
            default -> { }
        }
        try {
            return new InstalledModel(ref, folder(ref).resolve(WEIGHTS), readContract(ref));
        } catch (IOException | RuntimeException e) {
            throw ModelFailures.invalid(ref, "model.json: " + e.getMessage());
        }
    }

    /**
     * Installs a manifest model from a local file (offline install), checking its sha256 first;
     * an entry without one has the file's pinned ({@link #commit}). A model whose labels ship
     * in a file of their own (the recogniser's character list) takes that file from beside
     * the model, named as in its package, as a user who unpacked the package has it.
     */
    public ModelStatus install(ModelRef ref, Path file) throws IOException {
        return installFromManifest(ref, file, Optional.empty());
    }

    /** As {@link #install(ModelRef, Path)}, with the model's labels file given where it is. */
    public ModelStatus installWithLabels(ModelRef ref, Path file, Path labels) throws IOException {
        return installFromManifest(ref, file, Optional.of(labels));
    }

    private ModelStatus installFromManifest(ModelRef ref, Path file, Optional<Path> labels) throws IOException {
        CatalogEntry entry = catalog.find(ref).orElseThrow(() -> new IOException(ref
                + " is not in the model manifest; give its contract (model.json) to install it"));
        ModelContract contract = entry.installedContract();
        if (entry.source().labels().isPresent()) {
            LabelsFile spec = entry.source().labels().get();
            Path keys = labels.orElse(file.toAbsolutePath().resolveSibling(spec.fileName()));
            if (!Files.isRegularFile(keys)) {
                throw new IOException(ref + " needs its labels file " + spec.fileName() + " from "
                        + entry.source().describe() + ": put it beside the model or give it with --labels <file>");
            }
            contract = contract.withLabels(spec.read(keys));
        } else if (labels.isPresent()) {
            throw new IOException(ref + " takes its labels from the manifest, not from a file; leave out --labels");
        }
        Path part = copyToPart(ref, file);
        return commit(ref, part, entry.sha256(), contract);
    }

    /**
     * Installs a model of one's own: {@code contract} is its model.json; the file's sha256 is
     * recorded in it (checked first when the contract already names one).
     */
    public ModelStatus install(ModelRef ref, Path file, Path contract) throws IOException {
        ModelContract c = Json.MAPPER.readValue(contract.toFile(), ModelContract.class);
        Path part = copyToPart(ref, file);
        String expected = c.provenance().sha256().isEmpty() ? Sha256.of(part) : c.provenance().sha256();
        return commit(ref, part, expected, c);
    }

    /** Where a download or copy of this model is written before it is verified. */
    Path partFile(ModelRef ref) {
        return folder(ref).resolve(WEIGHTS + ".part");
    }

    /**
     * Moves a fully written {@code part} into place if its sha256 is {@code expectedSha256},
     * and writes the contract beside it with that sha256; a mismatching part is deleted. An
     * empty {@code expectedSha256} (a manifest entry whose checksum the project could not
     * obtain) pins the file's own sha256 on this first install: from then on the model is
     * checked against it like any other.
     */
    ModelStatus commit(ModelRef ref, Path part, String expectedSha256, ModelContract contract) throws IOException {
        String actual = Sha256.of(part);
        if (expectedSha256.isEmpty()) {
            LOG.warn("the model manifest gives no sha256 for {}: pinned to {} on this install; compare it with the"
                    + " publisher's checksum ({})", ref, actual, contract.provenance().source());
        } else if (!actual.equals(expectedSha256)) {
            Files.deleteIfExists(part);
            throw new IOException("sha256 of the file for " + ref + " is " + actual + ", expected " + expectedSha256
                    + "; nothing was installed");
        }
        Path weights = folder(ref).resolve(WEIGHTS);
        try {
            Files.move(part, weights, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, weights, StandardCopyOption.REPLACE_EXISTING);
        }
        AtomicFiles.write(folder(ref).resolve(CONTRACT),
                Json.writeBytes(contract.withProvenance(contract.provenance().withSha256(actual))));
        hashes.remember(weights, actual);
        return status(ref);
    }

    public ModelContract readContract(ModelRef ref) throws IOException {
        return Json.MAPPER.readValue(folder(ref).resolve(CONTRACT).toFile(), ModelContract.class);
    }

    private Path copyToPart(ModelRef ref, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        Path part = partFile(ref);
        Files.createDirectories(part.getParent());
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(part)) {
            in.transferTo(out);
        }
        return part;
    }

    private static String expectedSha256(ModelContract contract, Optional<CatalogEntry> entry) {
        String declared = contract.provenance().sha256();
        return declared.isEmpty() ? entry.map(CatalogEntry::sha256).orElse("") : declared;
    }

    private List<ModelRef> installedRefs() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ModelRef> refs = new ArrayList<>();
        try (Stream<Path> demos = Files.list(root)) {
            for (Path demo : demos.filter(Files::isDirectory).toList()) {
                try (Stream<Path> models = Files.list(demo)) {
                    models.filter(m -> Files.isRegularFile(m.resolve(WEIGHTS)) || Files.isRegularFile(m.resolve(CONTRACT)))
                            .map(m -> toRef(demo.getFileName().toString(), m.getFileName().toString()))
                            .flatMap(Optional::stream)
                            .forEach(refs::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return refs;
    }

    private static Optional<ModelRef> toRef(String demo, String model) {
        try {
            return Optional.of(new ModelRef(demo, model));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<ModelStatus> sorted(Collection<ModelStatus> statuses) {
        return statuses.stream()
                .sorted(Comparator.comparing(ModelStatus::demo).thenComparing(ModelStatus::model))
                .toList();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
