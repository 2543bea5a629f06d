package dev.ferry.demos.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The default engine: {@link TikMeans} on the items' ink, or each item assigned to the closest reference. */
final class TikEngine {
    static final String CURVE = "mean squared difference per pixel, after alignment";

    private TikEngine() {}

    static ItemReader.Describer describer(int size) {
        return bgr -> {
            Canvas canvas = Canvas.of(bgr, size);
            return new ItemReader.Described(canvas.ink(), canvas.lightBackground());
        };
    }

    static Clustering cluster(List<Item> items, ClusteringSettings settings, Parallel parallel, BooleanSupplier cancelled,
                              TikMeans.Listener listener) {
        Aligner aligner = aligner(items, settings);
        List<Aligner.Item> prepared = prepare(aligner, items, parallel);
        TikMeans.Result r = new TikMeans(aligner, prepared, parallel, cancelled)
                .run(new TikMeans.Options(settings.clusters(), settings.iterations(), settings.seed(), true), listener);
        boolean light = mostlyLight(items);
        List<byte[]> prototypes = r.prototypes().stream().map(p -> Pictures.ink(p, settings.size(), light)).toList();
        return new Clustering(memberships(r.alignments()), prototypes, List.of(), r.aligned(), r.loss(), CURVE,
                r.converged(), r.iterations());
    }

    /** Each item to the reference it fits best after alignment; the reference's group is its cluster. */
    static Clustering assign(List<Item> items, ReferenceGroups groups, ClusteringSettings settings, Parallel parallel,
                             BooleanSupplier cancelled) {
        List<Item> everything = new ArrayList<>(items);
        everything.addAll(groups.references());
        Aligner aligner = aligner(everything, settings);
        List<Aligner.Item> refs = prepare(aligner, groups.references(), parallel);
        Aligner.Prototype[] prototypes = new Aligner.Prototype[refs.size()];
        parallel.forEach(refs.size(), i -> prototypes[i] = aligner.prototype(aligner.normalised(refs.get(i))));
        List<Aligner.Prototype> all = List.of(prototypes);
        List<Aligner.Item> prepared = prepare(aligner, items, parallel);
        Aligner.Alignment[] fits = new Aligner.Alignment[items.size()];
        float[][] aligned = new float[items.size()][];
        parallel.forEach(items.size(), i -> {
            fits[i] = aligner.align(prepared.get(i), all, cancelled);
            aligned[i] = aligner.aligned(prepared.get(i), fits[i].transform());
        });
        boolean light = mostlyLight(groups.references());
        List<byte[]> pictures = new ArrayList<>();
        for (int g = 0; g < groups.count(); g++) {
            pictures.add(Pictures.ink(prototypes[groups.first(g)].image(), settings.size(), light));
        }
        List<Clustering.Membership> members = Arrays.stream(fits)
                .map(f -> new Clustering.Membership(groups.groupOf(f.prototype()), f.distance(), f.transform())).toList();
        return new Clustering(members, pictures, groups.names(), Arrays.asList(aligned), List.of(), "", true, 0);
    }

    /** Items are normalised to the median spread of their ink, kept within a sensible share of the size. */
    private static Aligner aligner(List<Item> items, ClusteringSettings settings) {
        int size = settings.size();
        double[] radii = items.stream().mapToDouble(i -> Moments.of(i.features(), size).radius()).filter(r -> r > 0)
                .sorted().toArray();
        double median = radii.length == 0 ? 0.2 * size : radii[radii.length / 2];
        return new Aligner(settings.transformation(), size, Math.max(0.08 * size, Math.min(0.3 * size, median)));
    }

    private static List<Aligner.Item> prepare(Aligner aligner, List<Item> items, Parallel parallel) {
        Aligner.Item[] prepared = new Aligner.Item[items.size()];
        parallel.forEach(items.size(), i -> prepared[i] = aligner.item(items.get(i).features()));
        return List.of(prepared);
    }

    private static List<Clustering.Membership> memberships(List<Aligner.Alignment> fits) {
        return fits.stream().map(f -> new Clustering.Membership(f.prototype(), f.distance(), f.transform())).toList();
    }

    private static boolean mostlyLight(List<Item> items) {
        long light = items.stream().filter(Item::lightBackground).count();
        return light * 2 >= items.size();
    }
}
