package dev.jig.host.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTests {

    @TempDir
    Path root;

    private Store store;

    @BeforeEach
    void setUp() {
        store = new Store(new Layout(root.resolve("config/plugins"), root.resolve("data/plugins"),
                root.resolve("config/plugins.lock.json")), "jig-");
    }

    /** Stages and commits an executable plugin {@code name} at {@code version}; returns its store directory. */
    private Path install(String name, String version, String sha) throws Exception {
        Path staged = store.stage();
        Path tree = Files.createDirectory(staged.resolve(Receipt.TREE));
        Files.writeString(tree.resolve("jig-" + name), "#!/bin/sh\necho " + version + "\n");
        Receipt receipt = new Receipt(name, new Locked(version, "file:///x", sha, null, null, Map.of()), false, "jig-" + name);
        receipt.write(staged);
        Path storeDir = store.commit(staged, name, version + "-" + sha.substring(0, 12), receipt);
        store.switchTo(store.entry(name, false), receipt.plugin(storeDir));
        return storeDir;
    }

    @Test
    void aSwitchReplacesTheLinkAndTheSweepDropsTheOldVersion() throws Exception {
        Path first = install("greet", "1.0.0", "a".repeat(64));
        Path second = install("greet", "2.0.0", "b".repeat(64));
        Path link = root.resolve("config/plugins/jig-greet");
        assertEquals(second.resolve("tree/jig-greet"), Files.readSymbolicLink(link));
        assertEquals("2.0.0", store.managed().get("greet").receipt().locked().version());
        assertTrue(Files.isDirectory(first), "kept until the sweep");
        store.sweep();
        assertFalse(Files.exists(first));
        assertTrue(Files.isDirectory(second));
        assertEquals(List.of("jig-greet"), List.of(root.resolve("config/plugins").toFile().list()));
    }

    @Test
    void theSweepClearsWhatAKilledInstallLeft() throws Exception {
        install("greet", "1.0.0", "a".repeat(64));
        Path staged = store.stage();
        Files.writeString(staged.resolve("download"), "half");
        Path orphan = Files.createDirectories(root.resolve("data/plugins/greet/3.0.0-cccccccccccc/tree"));
        Path tempLink = Files.createSymbolicLink(root.resolve("config/plugins/.jig-greet.1234.tmp"), orphan);
        store.sweep();
        assertFalse(Files.exists(staged));
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(tempLink, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("1.0.0", store.managed().get("greet").receipt().locked().version());
    }

    @Test
    void linksOutsideTheStoreAreDevelopmentLinksAndOtherFilesAreLeftAlone() throws Exception {
        Path draft = Files.writeString(root.resolve("jig-draft"), "#!/bin/sh\n");
        store.link("jig-draft", draft);
        Files.writeString(root.resolve("config/plugins/jig-manual"), "#!/bin/sh\n");
        assertEquals(Map.of(), store.managed());
        assertEquals(List.of(new Store.Linked("jig-draft", draft)), store.linked());
        assertTrue(store.occupiedByOther("jig-manual"));
        assertFalse(store.occupiedByOther("jig-draft"));
        store.sweep();
        assertTrue(Files.exists(root.resolve("config/plugins/jig-manual")));
    }
}
