package dev.ferry.app.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks; see docs/benchmarks.md.",
        subcommands = {QueueBenchCommand.class, RegionsBenchCommand.class, VectorizationBenchCommand.class,
            ClusteringBenchCommand.class, SignBenchCommand.class, AsrBenchCommand.class, FacesBenchCommand.class,
            SimilarityBenchCommand.class, FaultsBenchCommand.class})
public final class BenchCommand {}

