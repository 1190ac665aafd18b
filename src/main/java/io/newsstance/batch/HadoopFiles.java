package io.newsstance.batch;

import io.newsstance.api.BadInputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a whole small file (the model, the actor CSV) from any Hadoop path, with a clear error when it cannot. */
final class HadoopFiles {

    private HadoopFiles() {
    }

    static byte[] readBytes(String location, Configuration hadoop, String what) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path)) {
                throw new BadInputException(location + ": no such " + what);
            }
            if (fs.getFileStatus(path).isDirectory()) {
                throw new BadInputException(location + ": is a directory, expected a " + what);
            }
            try (InputStream in = fs.open(path)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toByteArray();
            }
        } catch (IOException e) {
            throw new BadInputException(location + ": cannot read the " + what + ": " + e.getMessage());
        }
    }
}
