package dev.winnow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One cleaned document: the kept text, what was learned about it, and every cut with its stage and reason.
 * Read from the record a run writes ({@link #json()}), so the library and {@code winnow clean} never disagree.
 *
 * @param text     the kept paragraphs, joined by a blank line
 * @param title    the headline, or null
 * @param authors  the bylines' names, possibly none
 * @param url      the page's URL (given, or found in the page), or null
 * @param language an ISO 639-1 code, or null when no language was recognized
 * @param created  the publication date (ISO-8601) when the page gives one, or null
 * @param pageType {@code article}, {@code forum}, {@code product}, {@code collection}, {@code listing},
 *                 {@code documentation}, {@code service} or {@code other}
 * @param removed  every cut, in input order
 * @param json     the record as {@code articles.jsonl} holds it, for everything else it carries
 */
public record Article(String text, String title, List<String> authors, String url, String language, String created,
                      String pageType, List<Cut> removed, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Article {
        authors = List.copyOf(authors);
        removed = List.copyOf(removed);
    }

    /**
     * One removal: which stage cut {@code text} and why ({@code reason}, as {@code winnow stages} lists them), at
     * code points {@code start} to {@code end} of the normalized input.
     */
    public record Cut(String stage, String reason, String text, int start, int end) {}

    /** The article a record line describes. */
    static Article of(String recordLine) {
        JsonNode r;
        try {
            r = JSON.readTree(recordLine);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("a record Winnow wrote does not parse", e);
        }
        JsonNode m = r.path("metadata");
        List<String> authors = new ArrayList<>();
        m.path("authors").forEach(a -> authors.add(a.asText()));
        List<Cut> cuts = new ArrayList<>();
        m.path("removed").forEach(x -> cuts.add(new Cut(x.path("stage").asText(), x.path("reason").asText(),
                x.path("text").asText(), x.path("start").asInt(), x.path("end").asInt())));
        return new Article(r.path("text").asText(), text(m, "title"), authors, text(m, "url"), text(m, "language"),
                text(r, "created"), text(m, "page_type"), cuts, recordLine);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
