package dev.ferry.demos.inference;

import java.util.Objects;

/**
 * A downloadable model in the manifest: where to get it, its checksum, and the contract to
 * write beside it.
 *
 * @param sha256 of the weights file; empty only when the project could not obtain it, in
 *               which case the first install pins the file's own (see {@link ModelStore#install(ModelRef, java.nio.file.Path)})
 * @param onRequest whether {@code ferry models pull <demo>} leaves it out unless the model is
 *                  named (manifest key {@code on_request}): for models that are not needed by
 *                  default or whose source many networks cannot reach
 * @param source where to download it; absent in the manifest for an install-only model, which users
 *               bring themselves ({@link ModelSource#installOnly()})
 */
public record CatalogEntry(
        String demo,
        String model,
        String sha256,
        long sizeBytes,
        String licence,
        ModelSource source,
        ModelContract contract,
        boolean onRequest) {

    public CatalogEntry {
        Objects.requireNonNull(sha256, "a manifest entry needs a sha256");
        source = source == null ? ModelSource.installOnly() : source;
        Objects.requireNonNull(contract, "a manifest entry needs a contract");
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        licence = licence == null ? "" : licence;
    }

    /** An entry pulled with its demo's other models. */
    public CatalogEntry(String demo, String model, String sha256, long sizeBytes, String licence, ModelSource source,
                        ModelContract contract) {
        this(demo, model, sha256, sizeBytes, licence, source, contract, false);
    }

    /** Whether the first install pins the checksum, the manifest having none. */
    public boolean pinnedOnInstall() {
        return sha256.isEmpty();
    }

    public ModelRef ref() {
        return new ModelRef(demo, model);
    }

    /** The contract as written to {@code model.json}: with this entry's source, checksum and licence. */
    public ModelContract installedContract() {
        return contract.withProvenance(new ModelContract.Provenance(
                source.describe(), sha256, licence, contract.provenance().notes()));
    }
}
