package com.collectiondesk.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/** RFC 4180 CSV through commons-csv: header row, then one line per report row; text cells neutralised. */
@Component
class CommonsReportCsv implements ReportCsv {

    @Override
    public String write(ReportTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(table.columns().stream().map(FormulaNeutralisation::neutralise).toList());
            for (Map<String, Object> row : table.rows()) {
                List<Object> cells = new ArrayList<>();
                for (String column : table.columns()) {
                    Object value = row.get(column);
                    cells.add(value instanceof Number || value == null ? value : FormulaNeutralisation.neutralise(value.toString()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
