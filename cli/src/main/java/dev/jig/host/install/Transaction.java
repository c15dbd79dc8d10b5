package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import java.io.IOException;
import java.nio.channels.FileLockInterruptionException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One change to the installed plugins: holds the {@link Guard}, clears what earlier killed
 * installs left, and at the end writes the lock file from the links as they now are.
 */
final class Transaction implements AutoCloseable {

    private final Store store;
    private final Guard guard;

    private Transaction(Store store, Guard guard) {
        this.store = store;
        this.guard = guard;
    }

    /** Starts a change: waits for any other, then sweeps the debris of killed ones. */
    static Transaction open(Store store, Consumer<String> report) throws InstallException, InterruptedException {
        try {
            Guard guard = Guard.take(store.layout(), report);
            Transaction transaction = new Transaction(store, guard);
            try {
                store.sweep();
            } catch (IOException e) {
                transaction.close();
                throw e;
            }
            return transaction;
        } catch (FileLockInterruptionException e) {
            throw new InterruptedException("interrupted while waiting for another install");
        } catch (IOException e) {
            throw new InstallException("cannot prepare " + store.layout().store() + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
    }

    /** The installed plugins' lock-file records, by name, as the links say now. */
    Map<String, Locked> locked() throws InstallException {
        Map<String, Locked> locked = new TreeMap<>();
        try {
            store.managed().forEach((name, managed) -> locked.put(name, managed.receipt().locked()));
        } catch (IOException e) {
            throw new InstallException("cannot read " + store.layout().plugins() + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
        return locked;
    }

    /** Writes the lock file from the links and drops the store directories no link uses any more. */
    void finish() throws InstallException {
        Map<String, Locked> locked = locked();
        try {
            LockFile.write(store.layout().lockFile(), locked);
            store.sweep();
        } catch (IOException e) {
            throw new InstallException("the change is made, but the lock file " + store.layout().lockFile()
                    + " cannot be written: " + e.getMessage() + "; the next plugins command writes it again",
                    ExitStatus.FAILURE);
        }
    }

    @Override
    public void close() {
        try {
            guard.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
