package io.newsstance.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The encoder's files on the classpath (the ONNX graph and the tokenizer of a langchain4j embedding jar). */
final class ClasspathResources {

    private ClasspathResources() {
    }

    /** @param artifact the Maven artifact that carries the resource, named in the error when it is missing */
    static InputStream open(String name, String artifact) {
        InputStream in = ClasspathResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath (it comes with "
                    + artifact + ")");
        }
        return in;
    }

    static byte[] read(String name, String artifact) {
        try (InputStream in = open(name, artifact)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
