package dev.jig.host.download;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Streams an HTTP body into a {@link Sink}, one chunk requested at a time; cancellable from any thread. */
final class SinkSubscriber implements HttpResponse.BodySubscriber<Void> {

    private final Sink sink;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean cancelled;

    SinkSubscriber(Sink sink) {
        this.sink = sink;
    }

    /** A subscriber that takes no body and fails with {@code failure} (a refused status, a body too large). */
    static HttpResponse.BodySubscriber<Void> refusing(DownloadException failure) {
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public CompletionStage<Void> getBody() {
                return CompletableFuture.failedFuture(failure);
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancel;
        synchronized (this) {
            subscription = s;
            cancel = cancelled;
        }
        if (cancel) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        try {
            for (ByteBuffer item : items) {
                sink.write(item);
            }
        } catch (DownloadException e) {
            cancel();
            done.completeExceptionally(e);
            return;
        }
        subscription().request(1);
    }

    @Override
    public void onError(Throwable failure) {
        done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    /** Stops the body: the client closes the connection and sends nothing more. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            cancelled = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
    }

    private synchronized Flow.Subscription subscription() {
        return subscription;
    }
}
