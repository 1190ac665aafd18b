package io.newsstance.encoder;

/**
 * IEEE 754 binary16 ("half") conversions, as {@code Float.floatToFloat16}/{@code float16ToFloat} do from Java
 * 20 on (round to nearest, ties to even; overflow to infinity). Fine-tuned encoder weights are stored as half
 * precision differences from the base weights: the differences are small, so the rounding error is far below
 * the weights' own scale, and the file is half the size of fp32.
 */
public final class Half {

    private Half() {
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        short sign = (short) ((bits & 0x8000_0000) >> 16);
        if (Float.isNaN(f)) {
            return (short) (sign | 0x7c00 | (bits & 0x007f_e000) >> 13 | (bits & 0x0000_1ff0) >> 4
                    | (bits & 0x0000_000f) | 0x0200);
        }
        float abs = Math.abs(f);
        if (abs >= 0x1.ffcp15f + 0x0.002p15f) {
            return (short) (sign | 0x7c00); // past the largest half (65504) after rounding
        }
        if (abs <= 0x1.0p-24f * 0.5f) {
            return sign; // rounds to zero
        }
        int exp = Math.getExponent(f);
        int shift = 0;
        int hidden = 0;
        if (exp < -14) { // subnormal half
            shift = -14 - exp;
            exp = -15;
            hidden = 0x0080_0000;
        }
        int significand = bits & 0x007f_ffff | hidden;
        int half = significand >> (13 + shift);
        int lsb = significand & (1 << (13 + shift));
        int round = significand & (1 << (12 + shift));
        int sticky = significand & ((1 << (12 + shift)) - 1);
        if (round != 0 && (lsb | sticky) != 0) {
            half++;
        }
        return (short) (sign | (((exp + 15) << 10) + half));
    }

    public static float toFloat(short h) {
        int signBit = 0x8000 & h;
        int expBits = 0x7c00 & h;
        int significand = 0x03ff & h;
        float sign = signBit != 0 ? -1f : 1f;
        int exp = (expBits >> 10) - 15;
        if (exp == -15) {
            return sign * (0x1p-24f * significand); // zero or subnormal
        }
        if (exp == 16) {
            return significand == 0 ? sign * Float.POSITIVE_INFINITY
                    : Float.intBitsToFloat((signBit << 16) | 0x7f80_0000 | (significand << 13));
        }
        return Float.intBitsToFloat((signBit << 16) | ((exp + 127) << 23) | (significand << 13));
    }

    /** {@code base + toFloat(fromFloat(value - base))}: what storing {@code value} as a half delta gives back. */
    public static float throughDelta(float value, float base) {
        return base + toFloat(fromFloat(value - base));
    }
}
