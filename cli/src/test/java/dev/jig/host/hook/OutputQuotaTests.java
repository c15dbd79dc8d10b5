package dev.jig.host.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutputQuotaTests {

    @Test
    void linesWithinTheQuotaPassUnchanged() {
        List<String> shown = new ArrayList<>();
        OutputQuota quota = new OutputQuota(shown::add, "acme", "chatty");
        IntStream.range(0, OutputQuota.LINES).forEach(i -> quota.accept("chatty: line " + i));
        assertEquals(OutputQuota.LINES, shown.size());
        assertEquals("chatty: line 99", shown.get(99));
    }

    @Test
    void aFloodShowsTheQuotaThenOneLineSayingTheRestIsNotShown() {
        List<String> shown = new ArrayList<>();
        OutputQuota quota = new OutputQuota(shown::add, "acme", "chatty");
        IntStream.range(0, 100_000).forEach(i -> quota.accept("chatty: line " + i));
        assertEquals(OutputQuota.LINES + 1, shown.size());
        assertEquals("acme: plugin 'chatty' wrote more than 100 lines; the rest is not shown", shown.get(OutputQuota.LINES));
    }
}
