package io.newsstance.encoder;

import io.newsstance.encoder.Half;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfTest {

    @Test
    void everyHalfSurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = Half.toFloat(h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
            } else {
                assertEquals(h, Half.fromFloat(f), "bits " + Integer.toHexString(bits) + " = " + f);
            }
        }
    }

    @Test
    void knownValuesAndRoundingToNearestEven() {
        assertEquals((short) 0x3c00, Half.fromFloat(1f));
        assertEquals((short) 0xc000, Half.fromFloat(-2f));
        assertEquals((short) 0x7bff, Half.fromFloat(65504f));
        assertEquals((short) 0x7c00, Half.fromFloat(65520f)); // rounds past the largest half
        assertEquals((short) 0x0001, Half.fromFloat(0x1p-24f)); // smallest subnormal
        assertEquals((short) 0x0000, Half.fromFloat(0x1p-26f));
        // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties go to the even significand (1)
        assertEquals((short) 0x3c00, Half.fromFloat(1f + 0x1p-11f));
        // 1 + 3 * 2^-11 lies halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even)
        assertEquals((short) 0x3c02, Half.fromFloat(1f + 3 * 0x1p-11f));
        assertEquals(0.333251953125f, Half.toFloat(Half.fromFloat(1f / 3)));
    }

    @Test
    void aSmallDifferenceKeepsFarMorePrecisionThanTheWeightItself() {
        float base = 0.731f;
        float tuned = base + 0.00123f;
        float back = Half.throughDelta(tuned, base);
        assertTrue(Math.abs(back - tuned) < 1e-6, "error " + Math.abs(back - tuned));
        assertTrue(Math.abs(Half.toFloat(Half.fromFloat(tuned)) - tuned) > 1e-5);
    }
}
