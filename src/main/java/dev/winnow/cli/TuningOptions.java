package dev.winnow.cli;

import dev.winnow.core.Reason;
import dev.winnow.run.Tuning;
import dev.winnow.score.Models;
import dev.winnow.score.PageType;
import dev.winnow.stages.ChainProfile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a user tunes without code, one definition for {@code winnow clean}, {@code winnow explain} and the Spark
 * entry point (a picocli mixin): cuts not to make, page types to keep, the chains to run and the models they read.
 */
public final class TuningOptions {

    @Option(names = "--keep", paramLabel = "REASON", split = ",",
            description = "Do not make the cuts of these reasons, e.g. --keep byline,caption_credit to keep bylines and "
                    + "credited captions in the text (a byline still fills metadata.authors); no later stage cuts "
                    + "that text for a reason of its own. 'winnow stages' lists the reasons.")
    List<String> keep = new ArrayList<>();

    @Option(names = "--only-page-types", paramLabel = "TYPE", split = ",",
            description = "Give records only for pages of these types (article, forum, product, collection, listing, "
                    + "documentation, service, other); a page of another type is rejected as page_type, naming "
                    + "its type. Default: every type.")
    List<String> pageTypes = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Run the chains a profile file describes: the stages and their order, the block scorer's cuts "
                    + "and phrases added to or removed from the stages' vocabularies. Start from the shipped one: "
                    + "'winnow profile > mine.json'. Its name and hash go into every record's pipeline.profile and the "
                    + "run fingerprint.")
    java.nio.file.Path profile;

    @Option(names = "--html-model", paramLabel = "FILE",
            description = "The block scorer for HTML and documents: a model retrained on your own pages (make train, "
                    + "see the README). Default: the shipped model, trained on WCXB's development pages.")
    java.nio.file.Path htmlModel;

    @Option(names = "--page-type-model", paramLabel = "FILE",
            description = "A retrained page-type model (make train-page-type), HTML or plain text: the file says which "
                    + "one it replaces. Repeat for both. Default: the shipped models, trained on WCXB's development pages.")
    List<java.nio.file.Path> pageTypeModels = new ArrayList<>();

    /** The choices as set; a usage error names a reason, page type or profile entry that does not exist. */
    public Tuning tuning(CommandLine command) {
        List<Reason> reasons = new ArrayList<>();
        for (String code : keep) reasons.add(reason(command, code.strip().toLowerCase(Locale.ROOT)));
        List<PageType> types = new ArrayList<>();
        for (String code : pageTypes) {
            try {
                types.add(PageType.of(code.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command, "--only-page-types: '" + code + "' is not a page type: "
                        + String.join(", ", Arrays.stream(PageType.values()).map(PageType::code).toList()));
            }
        }
        return Tuning.of(reasons, types).withProfile(profile == null ? null : profile(command, profile))
                .withModels(models(command));
    }

    /** The models named, read now: a missing or wrong file is a usage error before any work. */
    private Models models(CommandLine command) {
        try {
            return Models.read(htmlModel, pageTypeModels);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(command, "no such model file: " + e.getFile());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "model file: " + e.getMessage());
        }
    }

    private static ChainProfile profile(CommandLine command, java.nio.file.Path file) {
        try {
            return ChainProfile.read(file);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(command, "--profile: cannot read " + file + ": " + e);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "--profile " + file + ": " + e.getMessage());
        }
    }

    private static Reason reason(CommandLine command, String code) {
        for (Reason r : Reason.values()) if (r.code().equals(code)) return r;
        throw new CommandLine.ParameterException(command, "--keep: '" + code + "' is not a reason code; 'winnow stages' lists them");
    }
}
