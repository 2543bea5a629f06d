package dev.ferry.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CompatProtocolsTest {

    @Test
    void allNamesEveryProtocolAndNothingIsMountedByDefault() {
        assertEquals(Set.of("discover", "dsac", "mood", "sign2text", "sorterbot"), CompatProtocols.selected(Set.of("all")));
        assertEquals(Set.of("discover"), CompatProtocols.selected(Set.of("discover")));
        assertTrue(CompatProtocols.selected(Set.of()).isEmpty());
    }

    @Test
    void anUnknownProtocolIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompatProtocols.selected(Set.of("moods")));
        assertTrue(e.getMessage().contains("'moods'") && e.getMessage().contains("known: discover, dsac, mood, sign2text, sorterbot"), e.getMessage());
    }
}
