package dev.ferry.demos.sign;

import dev.ferry.demos.inference.ModelContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A label and how likely the model finds it. */
public record Guess(String label, double probability) {

    /** The {@code k} most likely labels, most likely first. */
    static List<Guess> top(double[] probabilities, int k, ModelContract contract) {
        List<Guess> all = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new Guess(contract.label(i), round(probabilities[i])));
        }
        all.sort(Comparator.comparingDouble(Guess::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
