package com.collectiondesk.outreach;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The day's print batch: one PDF holding every letter of that day, for managers to send to print. */
@RestController
@RequestMapping("/api/letters/batches")
@AllowedGroups(Groups.MANAGERS)
class LetterBatchApi {

    private final LetterArchive archive;

    LetterBatchApi(LetterArchive archive) {
        this.archive = archive;
    }

    @Operation(summary = "The day's letters as one PDF for printing and posting")
    @GetMapping(value = "/{date}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> batch(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<byte[]> letters = archive.ofDay(date);
        if (letters.isEmpty()) {
            throw new NotFound("No letters on " + date);
        }
        PDFMergerUtility merger = new PDFMergerUtility();
        letters.forEach(letter -> merger.addSource(new RandomAccessReadBuffer(letter)));
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        merger.setDestinationStream(merged);
        try {
            merger.mergeDocuments(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot merge the letters of " + date, e);
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"letters-" + date + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(merged.toByteArray());
    }
}
