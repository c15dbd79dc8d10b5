package dev.jig.sample.wordcount;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The default command: one line of counts per input, and a total when there are several. */
final class Counter {

    private final Set<Column> columns;

    Counter(Set<Column> columns) {
        this.columns = columns;
    }

    int run(Inputs inputs, PrintStream out) throws IOException {
        List<String> names = new ArrayList<>();
        List<Counts> counts = new ArrayList<>();
        boolean all = inputs.forEach((name, in) -> {
            names.add(name);
            counts.add(Counts.of(in));
        });
        if (inputs.size() > 1) {
            names.add("total");
            counts.add(counts.stream().reduce(Counts.ZERO, Counts::plus));
        }
        int width = counts.stream().flatMap(c -> columns.stream().map(column -> column.of(c)))
                .mapToInt(n -> Long.toString(n).length()).max().orElse(1);
        for (int i = 0; i < counts.size(); i++) {
            StringBuilder line = new StringBuilder();
            for (Column column : columns) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(String.format("%" + width + "d", column.of(counts.get(i))));
            }
            if (names.get(i) != null) {
                line.append(' ').append(names.get(i));
            }
            out.println(line);
        }
        return all ? 0 : 1;
    }
}
