package io.newsstance.io;

import io.newsstance.api.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads whole text files as strict UTF-8, with errors that name the file and line. */
public final class TextFiles {

    private TextFiles() {
    }

    public static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        return decodeUtf8(bytes, file.toString());
    }

    public static String readUtf8(InputStream in, String name) {
        try {
            return decodeUtf8(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Decodes strictly: a bad byte sequence or a NUL byte is reported as "name:line: …". A BOM is dropped. */
    public static String decodeUtf8(byte[] bytes, String name) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(name + ":" + lineAt(bytes, i) + ": NUL byte at byte offset " + i
                        + " (binary file, or UTF-16 text?)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new BadInputException(name + ":" + lineAt(bytes, at) + ": invalid UTF-8 at byte offset " + at
                    + " (is the file in another encoding?)");
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            throw new BadInputException(name + ": invalid UTF-8: " + e.getMessage());
        }
        out.flip();
        return out.toString();
    }

    /** Whether the bytes decode as UTF-8 with no NULs; used to sniff binary input cheaply. */
    public static boolean isUtf8Text(byte[] bytes) {
        try {
            decodeUtf8(bytes, "");
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

}
