package dev.winnow.formats;

import dev.winnow.core.Field;
import dev.winnow.core.Verdict;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tika's metadata to record facts: real values kept, authoring-tool placeholders dropped. */
class DocumentMetadataTest {

    @Test
    void readsTheDublinCoreFields() {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.TITLE, "  Harbour   Towns Rebuild ");
        m.add(TikaCoreProperties.CREATOR, "Maria Keller");
        m.set(TikaCoreProperties.CREATED, "2024-03-05T23:30:00-05:00");
        m.set(TikaCoreProperties.LANGUAGE, "pt_BR");
        m.set(TikaCoreProperties.PUBLISHER, "Coastal Weekly");
        assertEquals(List.of(
                new Verdict.Fact(Field.TITLE, "Harbour Towns Rebuild"),
                new Verdict.Fact(Field.AUTHORS, "Maria Keller"),
                new Verdict.Fact(Field.CREATED, "2024-03-05"),
                new Verdict.Fact(Field.LANGUAGE, "pt-BR"),
                new Verdict.Fact(Field.PUBLISHER, "Coastal Weekly")), DocumentMetadata.facts(m));
    }

    @Test
    void printDriverAndFileNameTitlesAreDropped() {
        for (String t : List.of("Microsoft Word - draft3.docx", "report_final.pdf", "Untitled", "Document")) {
            Metadata m = new Metadata();
            m.set(TikaCoreProperties.TITLE, t);
            assertEquals(List.of(), DocumentMetadata.facts(m), t);
        }
    }

    @Test
    void accountNamesAreNotAuthorsAndSemicolonsSeparatePeople() {
        Metadata m = new Metadata();
        m.add(TikaCoreProperties.CREATOR, "Administrator");
        m.add(TikaCoreProperties.CREATOR, "Keller, Maria; Tomas Lindqvist");
        m.add(TikaCoreProperties.CREATOR, "Tomas Lindqvist");
        assertEquals(List.of(new Verdict.Fact(Field.AUTHORS, "Keller, Maria"), new Verdict.Fact(Field.AUTHORS, "Tomas Lindqvist")),
                DocumentMetadata.facts(m));
    }

    @Test
    void onlyRealDatesAndLanguageTags() {
        assertEquals("2024-02-29", DocumentMetadata.isoDate("2024-02-29T10:00:00Z"));
        assertNull(DocumentMetadata.isoDate("2023-02-29"));
        assertNull(DocumentMetadata.isoDate("5 March 2024"));
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.LANGUAGE, "English (UK)");
        assertEquals(List.of(), DocumentMetadata.facts(m));
    }
}
