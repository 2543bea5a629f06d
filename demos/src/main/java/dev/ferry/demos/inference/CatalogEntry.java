package dev.ferry.demos.inference;

import java.util.Objects;

/** A downloadable model in the manifest: where to get it, its checksum, and the contract to write beside it. */
public record CatalogEntry(
        String demo,
        String model,
        String sha256,
        long sizeBytes,
        String licence,
        ModelSource source,
        ModelContract contract) {

    public CatalogEntry {
        Objects.requireNonNull(sha256, "a manifest entry needs a sha256");
        Objects.requireNonNull(source, "a manifest entry needs a source");
        Objects.requireNonNull(contract, "a manifest entry needs a contract");
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        licence = licence == null ? "" : licence;
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
