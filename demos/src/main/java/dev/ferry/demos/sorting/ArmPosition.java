package dev.ferry.demos.sorting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Where the arm reaches for something: the base servo's pulse width ({@code s0}, the rotation)
 * and the reach servo's ({@code s1}, the distance). Written as SorterBot's {@code [s0, s1]}.
 */
public record ArmPosition(double s0, double s1) {
    @JsonValue
    public List<Double> pair() {
        return List.of(s0, s1);
    }

    static ArmPosition mean(List<ArmPosition> positions) {
        double s0 = 0;
        double s1 = 0;
        for (ArmPosition p : positions) {
            s0 += p.s0;
            s1 += p.s1;
        }
        return new ArmPosition(s0 / positions.size(), s1 / positions.size());
    }
}
