package com.collectiondesk.ledger;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV import of customers, contracts, invoices, payments and the ERP's own charges, as a text/csv body or a multipart part "file". */
@RestController
@RequestMapping("/api/imports")
@AllowedGroups({Groups.ERP_INTEGRATION, Groups.MANAGERS})
class LedgerImportApi {

    private final CsvImport csvImport;

    LedgerImportApi(CsvImport csvImport) {
        this.csvImport = csvImport;
    }

    @Operation(summary = "Import customers, contracts, invoices, payments or the ERP's charges from a CSV body; every rejected row is named")
    @PostMapping(path = "/{kind}", consumes = "text/csv")
    ImportResult importBody(@PathVariable String kind, @RequestBody(required = false) byte[] body) {
        return csvImport.importCsv(kindOf(kind), body);
    }

    @Operation(summary = "Import customers, contracts, invoices, payments or the ERP's charges from an uploaded CSV file (part 'file')")
    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@PathVariable String kind, @RequestPart("file") MultipartFile file) throws IOException {
        return csvImport.importCsv(kindOf(kind), file.getBytes());
    }

    private static RecordKind kindOf(String kind) {
        return RecordKind.fromPath(kind).orElseThrow(() -> new NotFound(
                "No import for '" + kind + "'; use customers, contracts, invoices, payments or charges"));
    }
}
