package dev.ferry.demos.inference;

import java.nio.file.Path;

/** A model present in the store: its weights file and its contract. */
public record InstalledModel(ModelRef ref, Path onnxFile, ModelContract contract) {}
