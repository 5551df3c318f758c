package dev.losslab.app.cli;

import dev.losslab.app.output.DatasetTable;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.data.ColumnStats;
import dev.losslab.core.data.Dataset;
import dev.losslab.core.data.DatasetCsv;
import dev.losslab.core.data.Datasets;
import java.util.List;
import java.util.Locale;

/**
 * {@code losslab datasets}: the built-in sets, one line each, or one set or CSV file in detail
 * ({@code --data}): every feature's range, mean and sd, and the label's classes or spread.
 */
final class DatasetsCommand extends Subcommand {

    static final String NAME = "datasets";

    enum Format { text, csv, json, markdown }

    private static final Opt<Format> FORMAT = Opt.choice("--format", Format.class, "text|csv|json|markdown",
            "output format (default: ${DEFAULT-VALUE})").defaultValue(Format.text);

    private static final Opt<String> DATA = Opt.text("--data", "NAME|FILE.csv",
            "show one dataset in detail: a built-in name or a CSV file (a header row, the features, the label last;"
                    + String.format(Locale.ROOT, " at most %,d columns and %,d rows)", DatasetCsv.MAX_COLUMNS, DatasetCsv.MAX_ROWS));

    DatasetsCommand() {
        super(NAME, List.of("List the built-in datasets with their rows, features, label and source.",
                "With --data, check one dataset or CSV file and show it in detail."), List.of(FORMAT, DATA));
    }

    @Override
    public Integer call() throws Exception {
        String data = get(DATA);
        List<Dataset> sets = data == null
                ? Datasets.names().stream().map(Datasets::get).toList()
                : List.of(Datasets.resolve(data, true));
        switch (get(FORMAT)) {
            case markdown -> out.print(DatasetTable.markdown(sets));
            case json -> {
                if (data == null) {
                    var list = JsonViews.array();
                    sets.forEach(d -> list.add(JsonViews.dataset(d)));
                    out.println(JsonViews.MAPPER.writeValueAsString(list));
                } else {
                    out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.dataset(sets.getFirst())));
                }
            }
            case csv -> {
                out.println("name,rows,features,label,label_kind,classes,source");
                for (Dataset d : sets) {
                    out.printf(Locale.ROOT, "%s,%d,%d,%s,%s,%d,%s%n", csv(d.name()), d.rows(), d.featureCount(),
                            csv(d.labelName()), d.labelKind().name().toLowerCase(Locale.ROOT), d.classNames().size(),
                            csv(d.source()));
                }
            }
            case text -> {
                if (data == null) {
                    list(sets);
                } else {
                    detail(sets.getFirst());
                }
            }
        }
        return Main.OK;
    }

    private void list(List<Dataset> sets) {
        out.printf(Locale.ROOT, "%-14s %5s %9s  %-11s %s%n", "name", "rows", "features", "label", "source");
        for (Dataset d : sets) {
            out.printf(Locale.ROOT, "%-14s %5d %9d  %-11s %s%n", d.name(), d.rows(), d.featureCount(),
                    DatasetTable.label(d), d.source());
        }
    }

    private void detail(Dataset d) {
        out.printf(Locale.ROOT, "%s: %d rows, %d features, label %s: %s%n", d.name(), d.rows(), d.featureCount(),
                d.labelName(), DatasetTable.label(d));
        out.println("  " + d.description());
        out.println("  source: " + d.source());
        int width = 12;
        for (String name : d.featureNames()) {
            width = Math.max(width, name.length());
        }
        for (int k = 0; k < d.classNames().size(); k++) {
            width = Math.max(width, classRow(d, k).length());
        }
        out.printf(Locale.ROOT, "  %-" + width + "s %12s %12s %12s %12s%n", "feature", "min", "max", "mean", "sd");
        for (int j = 0; j < d.featureCount(); j++) {
            statsRow(d.featureNames().get(j), ColumnStats.of(d.feature(j)), width);
        }
        switch (d.labelKind()) {
            case CLASS -> {
                out.printf(Locale.ROOT, "  %-" + width + "s %12s%n", "class (code)", "rows");
                int[] counts = DatasetTable.classCounts(d);
                for (int k = 0; k < counts.length; k++) {
                    out.printf(Locale.ROOT, "  %-" + width + "s %12d%n", classRow(d, k), counts[k]);
                }
            }
            case REAL -> {
                out.printf(Locale.ROOT, "  %-" + width + "s %12s %12s %12s %12s%n", "label", "min", "max", "mean", "sd");
                statsRow(d.labelName(), ColumnStats.of(d.labels()), width);
            }
        }
    }

    /** "versicolor (1)": a class by name, with the code it has in the data. */
    private static String classRow(Dataset d, int code) {
        return d.classNames().get(code) + " (" + code + ")";
    }

    private void statsRow(String name, ColumnStats s, int width) {
        out.printf(Locale.ROOT, "  %-" + width + "s %12s %12s %12s %12s%n", name, Numbers.brief(s.min()),
                Numbers.brief(s.max()), Numbers.brief(s.mean()), Numbers.brief(s.sd()));
    }

    /** A CSV field: quoted when it holds a comma or a quote. */
    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
