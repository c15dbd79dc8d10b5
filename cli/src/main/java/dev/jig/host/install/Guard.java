package dev.jig.host.install;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One install, upgrade, uninstall or link at a time, across processes: an exclusive lock on a
 * file in the store. The operating system releases it when its holder dies, so a killed install
 * never blocks the next one.
 */
final class Guard implements AutoCloseable {

    /** File locks belong to a process; its threads take turns on this first. */
    private static final Object THREADS = new Object();

    private final FileChannel channel;
    private final FileLock lock;

    private Guard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code layout}, saying so on {@code report} when another process holds it. */
    static Guard take(Layout layout, Consumer<String> report) throws IOException {
        Path file = layout.guard();
        Files.createDirectories(file.getParent());
        synchronized (THREADS) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    report.accept("waiting for another install to finish (" + file + ")");
                    lock = channel.lock();
                }
                return new Guard(channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
