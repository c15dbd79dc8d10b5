package dev.jig.it;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real jig JVM, started through the launcher under the JDK's debugger interface and held at the
 * moment it calls {@code Files.move} on behalf of a given class: the instant a write's temporary
 * file is complete and not yet renamed over its target. A test kills it there with SIGKILL, which
 * is as close to "during the write" as a kill can be made to land every time.
 */
final class PausedJig implements AutoCloseable {

    private final Process process;
    private final VirtualMachine vm;

    private PausedJig(Process process, VirtualMachine vm) {
        this.process = process;
        this.vm = vm;
    }

    /**
     * Starts {@code jig words...} in {@code sandbox} and returns once it is stopped inside
     * {@code Files.move} called (directly or not) from {@code writer}: a class name, or
     * {@code Class#method} for one method of it.
     *
     * @throws AssertionError when it ends, or 60 s pass, without getting there
     */
    static PausedJig atRenameFor(Sandbox sandbox, String writer, List<String> words) throws IOException, InterruptedException {
        int port = freePort();
        sandbox.env.put("JIG_JAVA_OPTS", "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + port);
        Path out = sandbox.root.resolve("paused.out");
        Path err = sandbox.root.resolve("paused.err");
        Process process = sandbox.builder(sandbox.command(words.toArray(String[]::new)))
                .redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        sandbox.env.remove("JIG_JAVA_OPTS");
        VirtualMachine vm = attach(port, process);
        PausedJig paused = new PausedJig(process, vm);
        try {
            paused.runUntilRename(writer);
        } catch (RuntimeException | InterruptedException | AssertionError e) {
            paused.close();
            throw e;
        }
        return paused;
    }

    /** The JVM, which the launcher became with {@code exec}. */
    Process process() {
        return process;
    }

    /** SIGKILL, and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            vm.dispose();
        } catch (VMDisconnectedException e) {
            // killed already
        }
        kill();
    }

    private void runUntilRename(String writer) throws InterruptedException {
        ClassPrepareRequest prepared = vm.eventRequestManager().createClassPrepareRequest();
        prepared.addClassFilter("java.nio.file.Files");
        prepared.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        prepared.enable();
        vm.classesByName("java.nio.file.Files").forEach(this::breakAtMove);
        vm.resume();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            EventSet events = vm.eventQueue().remove(1000);
            if (events == null) {
                continue;
            }
            for (Event event : events) {
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    throw new AssertionError("jig ended without writing for " + writer);
                }
                if (event instanceof ClassPrepareEvent prepare) {
                    breakAtMove(prepare.referenceType());
                }
                if (event instanceof BreakpointEvent hit && calledFrom(hit.thread(), writer)) {
                    return; // held, with every thread suspended
                }
            }
            events.resume();
        }
        throw new AssertionError("jig did not write for " + writer + " within 60 s");
    }

    private void breakAtMove(ReferenceType files) {
        for (Method move : files.methodsByName("move")) {
            BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(move.location());
            request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            request.enable();
        }
    }

    private static boolean calledFrom(ThreadReference thread, String writer) {
        try {
            String type = writer.contains("#") ? writer.substring(0, writer.indexOf('#')) : writer;
            String method = writer.contains("#") ? writer.substring(writer.indexOf('#') + 1) : null;
            for (StackFrame frame : thread.frames()) {
                if (frame.location().declaringType().name().equals(type)
                        && (method == null || frame.location().method().name().equals(method))) {
                    return true;
                }
            }
            return false;
        } catch (com.sun.jdi.IncompatibleThreadStateException e) {
            return false;
        }
    }

    private static VirtualMachine attach(int port, Process process) throws IOException, InterruptedException {
        AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(Integer.toString(port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return connector.attach(arguments);
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("cannot attach to jig on port " + port, e);
                }
                Thread.sleep(50); // not listening yet
            } catch (IllegalConnectorArgumentsException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
