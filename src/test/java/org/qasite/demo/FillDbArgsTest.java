package org.qasite.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FillDbArgsTest {

    @Test
    void parsesTheRatioAndTheOption() {
        assertEquals(new FillDbArgs(1000, false), FillDbArgs.parse("1000"));
        assertEquals(new FillDbArgs(20, true), FillDbArgs.parse("20", "--if-empty"));
        assertEquals(new FillDbArgs(20, true), FillDbArgs.parse("--if-empty", "20"));
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertTrue(assertThrows(IllegalArgumentException.class, FillDbArgs::parse).getMessage().contains("missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillDbArgs.parse("ten")).getMessage()
                .contains("'ten'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillDbArgs.parse("0")).getMessage()
                .contains("between 1 and"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillDbArgs.parse("-5")).getMessage()
                .contains("'-5'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillDbArgs.parse("5", "6")).getMessage()
                .contains("'6'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillDbArgs.parse("5", "--force")).getMessage()
                .contains("usage: fill-db N [--if-empty]"));
        assertThrows(IllegalArgumentException.class, () -> FillDbArgs.parse("2000000"));
    }
}
