package dev.losslab.app.output;

import dev.losslab.core.data.Dataset;
import dev.losslab.core.data.Datasets;
import java.util.List;

/**
 * Datasets as people read them: the one-word summary of a label, and the Markdown table of the
 * built-in sets, generated from the registry. The README embeds the table verbatim and a test keeps
 * the two equal.
 */
public final class DatasetTable {

    private DatasetTable() {}

    /** What a label is, briefly: "3 classes", "real". */
    public static String label(Dataset d) {
        return switch (d.labelKind()) {
            case CLASS -> d.classNames().size() + " classes";
            case REAL -> "real";
        };
    }

    /** How many rows have each class, code k at index k; empty for a real label. */
    public static int[] classCounts(Dataset d) {
        int[] counts = new int[d.classNames().size()];
        if (d.labelKind() == Dataset.LabelKind.CLASS) {
            for (double code : d.labels()) {
                counts[(int) code]++;
            }
        }
        return counts;
    }

    /** The built-in sets as a Markdown table. */
    public static String markdown() {
        return markdown(Datasets.names().stream().map(Datasets::get).toList());
    }

    public static String markdown(List<Dataset> sets) {
        StringBuilder md = new StringBuilder();
        md.append("| dataset | rows | features | label | the rows | source |\n");
        md.append("| --- | ---: | ---: | --- | --- | --- |\n");
        for (Dataset d : sets) {
            md.append("| `").append(d.name()).append("` | ").append(d.rows()).append(" | ").append(d.featureCount())
                    .append(" | `").append(d.labelName()).append("`: ").append(label(d)).append(" | ")
                    .append(escape(d.description())).append(" | ").append(escape(d.source())).append(" |\n");
        }
        return md.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
