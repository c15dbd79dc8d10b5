package dev.jig.host.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.protocol.metadata.Permissions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsTests {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void everythingRequestedIsMissingWithoutGrants() {
        Permissions requested = new Permissions(true, "write", List.of("~/.greetrc"), List.of("/var/cache/greet"),
                List.of("GREET_TOKEN"));
        assertEquals(List.of(
                new Requests.Missing("network", "jig config set plugins.greet.grant.network true"),
                new Requests.Missing("cwd write", "jig config set plugins.greet.grant.cwd write"),
                new Requests.Missing("read ~/.greetrc", "jig config set plugins.greet.grant.read '[\"~/.greetrc\"]'"),
                new Requests.Missing("write /var/cache/greet", "jig config set plugins.greet.grant.write '[\"/var/cache/greet\"]'"),
                new Requests.Missing("env GREET_TOKEN", "jig config set plugins.greet.grant.env '[\"GREET_TOKEN\"]'")),
                Requests.notGranted(requested, Grants.NONE, HOME, "jig", "greet"));
    }

    @Test
    void aGrantedDirectoryCoversThePathsBelowItAndCommandsKeepWhatIsGranted() {
        Permissions requested = new Permissions(null, "read", List.of("/home/ada/data/a", "~/notes"), List.of("~/out/x"),
                List.of("A", "B"));
        Grants granted = new Grants(false, Grants.Access.READ, List.of("~/data"), List.of("/home/ada/out"), List.of("A"));
        assertEquals(List.of(
                new Requests.Missing("read ~/notes", "acme config set plugins.p.grant.read '[\"~/data\",\"~/notes\"]'"),
                new Requests.Missing("env B", "acme config set plugins.p.grant.env '[\"A\",\"B\"]'")),
                Requests.notGranted(requested, granted, HOME, "acme", "p"));
        assertEquals(List.of(), Requests.notGranted(Permissions.NONE, Grants.NONE, HOME, "acme", "p"));
    }
}
