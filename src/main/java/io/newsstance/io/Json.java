package io.newsstance.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** The one JSON mapper newsstance writes and reads with. */
public final class Json {

    /** Doubles written in plain decimal notation ({@link Decimals#plain}): 0.0003, not 3.0E-4. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("plain-decimals")
                    .addSerializer(Double.class, new PlainDouble())
                    .addSerializer(double.class, new PlainDouble()));

    private Json() {
    }

    private static final class PlainDouble extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        PlainDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(Decimals.plain(value));
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /** One-line JSON for JSON Lines output. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
