package dev.jig.cli.command;

import java.io.PrintWriter;
import dev.jig.host.metadata.Text;
import java.util.List;

/**
 * Plain-text columns, left-aligned, two spaces apart; the last column is not padded. Cells are
 * made safe for a terminal: many hold text a plugin supplied.
 */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        rows = rows.stream().map(row -> row.stream().map(Text::oneLine).toList()).toList();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : pad(row.get(c), widths[c] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
