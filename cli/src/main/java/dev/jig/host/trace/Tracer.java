package dev.jig.host.trace;

import java.util.function.Supplier;

/**
 * Receives the steps of one invocation, one line each: where plugins were looked for, what was
 * found, what was decided and why, what was executed.
 *
 * <p>Tracing is off unless the user asks for it, and then costs nothing but a test: call sites
 * pass the detail as a {@link Supplier} (or check {@link #enabled()} first), so no text is built
 * for a tracer that is {@link #OFF}. Implementations are safe for use by several threads.
 */
public interface Tracer {

    /** The tracer of an untraced invocation: it records nothing. */
    Tracer OFF = new Tracer() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void step(String step, String detail) {
        }

        @Override
        public String toString() {
            return "Tracer.OFF";
        }
    };

    /** Whether steps are recorded: when false, building their text is wasted work. */
    boolean enabled();

    /**
     * Records a step.
     *
     * @param step   a short stable word for the kind of step, e.g. {@code candidate}; what a
     *               script greps for
     * @param detail what happened, on one line
     */
    void step(String step, String detail);

    /** Records a step whose detail is built only when tracing is on. */
    default void step(String step, Supplier<String> detail) {
        if (enabled()) {
            step(step, detail.get());
        }
    }
}
