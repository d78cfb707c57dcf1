package dev.winnow.run;

import dev.winnow.core.Document;
import dev.winnow.core.Pipeline;
import dev.winnow.record.ArticleRecord;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The whole per-document path, bytes to record: decode, clean, build the record. Every failure
 * becomes a rejection with a reason, so one bad input never costs the run. Thread-safe.
 */
public final class DocumentProcessor {
    private final Pipeline pipeline;
    private final Decoder decoder = new Decoder();
    private final long maxBytes;
    private final String profile;

    public DocumentProcessor(Pipeline pipeline, String profile, long maxBytes) {
        this.pipeline = pipeline;
        this.profile = profile;
        this.maxBytes = maxBytes;
    }

    /** Read and process one input. */
    public Outcome process(Input input, String source) {
        byte[] bytes;
        try {
            bytes = input.read(maxBytes);
        } catch (Input.TooLargeException e) {
            return Outcome.rejected(new Rejection(input.id(), input.name(), RejectReason.TOO_LARGE, e.getMessage()), 0);
        } catch (IOException | RuntimeException e) {
            return Outcome.rejected(new Rejection(input.id(), input.name(), RejectReason.UNREADABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage()), 0);
        }
        return process(input, bytes, source);
    }

    /** Process bytes already read. */
    public Outcome process(Input input, byte[] bytes, String source) {
        try {
            Decoder.Decoded decoded = decoder.decode(input, bytes);
            if (!decoded.ok()) return Outcome.rejected(decoded.rejection(), bytes.length);
            Document doc = pipeline.clean(decoded.text());
            if (doc.body().isEmpty() && doc.removals().isEmpty()) {
                return Outcome.rejected(new Rejection(input.id(), input.name(), RejectReason.EMPTY,
                        "no text left after normalization"), bytes.length);
            }
            ArticleRecord.InputInfo info = new ArticleRecord.InputInfo(input.id(), input.name(), bytes.length,
                    decoded.mediaType(), decoded.charset(), sha256(bytes), source);
            String line = ArticleRecord.line(info, doc, profile);
            return Outcome.record(input.id(), line, doc.text(), bytes.length, doc.counts());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.rejected(new Rejection(input.id(), input.name(), RejectReason.INTERNAL_ERROR,
                    e.getClass().getName() + ": " + e.getMessage()), bytes.length);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
