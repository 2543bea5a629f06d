package dev.ferry.demos.sorting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** One command: SorterBot's {@code [[item_s0, item_s1], [container_s0, container_s1]]}. */
public record PickAndDrop(ArmPosition item, ArmPosition container) {
    @JsonValue
    public List<ArmPosition> pair() {
        return List.of(item, container);
    }
}
