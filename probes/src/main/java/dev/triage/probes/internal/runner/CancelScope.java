package dev.triage.probes.internal.runner;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one probe run opened. Closing the scope closes every socket, which is the only reliable way to unblock a
 * thread stuck in a blocking read or connect; sockets registered after that are closed at once.
 */
public final class CancelScope {
    private final List<Closeable> open = new ArrayList<>();
    private boolean cancelled;

    /** Registers a resource; returns it for chaining. */
    public synchronized <T extends Closeable> T register(T resource) {
        if (cancelled) {
            closeQuietly(resource);
        } else {
            open.add(resource);
        }
        return resource;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Closes everything, now and later. */
    public void cancel() {
        List<Closeable> toClose;
        synchronized (this) {
            cancelled = true;
            toClose = new ArrayList<>(open);
            open.clear();
        }
        toClose.forEach(CancelScope::closeQuietly);
    }

    /** Closes what is still open without cancelling (the normal end of a run). */
    public void closeAll() {
        List<Closeable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(open);
            open.clear();
        }
        toClose.forEach(CancelScope::closeQuietly);
    }

    public static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException e) {
            // Closing a socket that already failed can fail again; there is nothing left to release.
        }
    }
}
