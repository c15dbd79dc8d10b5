package dev.jig.sample.wordcount;

import dev.jig.sdk.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The files named on the command line, or standard input; read one at a time, errors logged. */
final class Inputs {

    /** What to do with one input. */
    @FunctionalInterface
    interface Reader {
        /**
         * @param name the file's name as given, or null for standard input
         * @param in   its bytes
         */
        void read(String name, InputStream in) throws IOException;
    }

    private final List<String> files;
    private final Invocation invocation;

    Inputs(List<String> files, Invocation invocation) {
        this.files = files;
        this.invocation = invocation;
    }

    /** How many inputs there are. */
    int size() {
        return Math.max(files.size(), 1);
    }

    /**
     * Reads every input; one that cannot be read is reported on stderr and skipped.
     *
     * @return true when every input was read
     */
    boolean forEach(Reader reader) throws IOException {
        if (files.isEmpty()) {
            reader.read(null, invocation.in());
            return true;
        }
        boolean all = true;
        for (String file : files) {
            if (file.equals("-")) {
                reader.read(file, invocation.in());
                continue;
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                reader.read(file, in);
            } catch (NoSuchFileException e) {
                invocation.log().error(file + ": no such file");
                all = false;
            } catch (AccessDeniedException e) {
                invocation.log().error(file + ": permission denied");
                all = false;
            } catch (IOException e) {
                invocation.log().error(file + ": " + e.getMessage());
                all = false;
            }
        }
        return all;
    }
}
