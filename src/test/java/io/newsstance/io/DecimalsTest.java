package io.newsstance.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one rounding rule and plain decimal notation in JSON and CSV. */
class DecimalsTest {

    @Test
    void roundsHalfUpToFourPlacesByDefault() {
        assertEquals(0.1235, Decimals.round(0.12345));
        assertEquals(-0.8747, Decimals.round(-0.87469));
        assertEquals(12.3, Decimals.round(12.34, 1));
    }

    @Test
    void writesPlainDecimalsNeverScientificNotation() {
        assertEquals("0.0003", Decimals.plain(3.0E-4));
        assertEquals("-0.0001", Decimals.plain(-1.0E-4));
        assertEquals("12345678.0", Decimals.plain(1.2345678E7));
        assertEquals("0.0", Decimals.plain(0.0));
        assertEquals("1.0", Decimals.plain(1.0));
        assertEquals("0.9123", Decimals.plain(0.9123));
        assertEquals("NaN", Decimals.plain(Double.NaN));
        assertEquals("0.0003", Decimals.cell(3.0E-4));
        assertEquals(7, Decimals.cell(7));
    }

    @Test
    void jsonNumbersArePlainAndReadBackAsTheSameDoubles() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("p_negative", 3.0E-4);
        row.put("score", -0.9996);
        row.put("start", 16);
        String line = Json.line(row);
        assertEquals("{\"p_negative\":0.0003,\"score\":-0.9996,\"start\":16}", line);
        assertEquals(3.0E-4, Json.MAPPER.readTree(line).get("p_negative").doubleValue());
    }
}
