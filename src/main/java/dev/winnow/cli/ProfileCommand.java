package dev.winnow.cli;

import dev.winnow.stages.ChainProfile;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Prints the shipped profile, the file a user copies, edits and passes back with {@code --profile}. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Print the shipped chains as a profile file to edit and pass back.",
                "",
                "  winnow profile > mine.json",
                "  winnow clean data -o out --profile mine.json",
                "",
                "name          lower case letters, digits and _; records carry it in",
                "              pipeline.profile (\"html.mine@<hash>\"); any edit changes the hash",
                "              and so the run fingerprint",
                "text          the stages plain text runs through, in order; leave one out to",
                "              make none of its cuts",
                "html          the same for HTML and documents (markup, post_meta and",
                "              content_score read the markup)",
                "thresholds    block_cut: HTML blocks the scorer rates under it are cut (0 to 1,",
                "              lower keeps more); block_cut_by_page_type,",
                "              markup_veto_by_page_type, prose_cut_by_page_type: per page type",
                "vocabularies  phrases to add to or remove from the lines each stage cuts whole",
                "              (menu words, share widgets, comment counters, photo agencies...),",
                "              written as the line reads; a trailing * matches the phrase",
                "              followed by more words",
                "",
                "Keys left out keep their shipped values; an unknown key, stage, page type or",
                "vocabulary is a usage error. 'winnow stages' lists each stage's reasons."})
final class ProfileCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(ChainProfile.SHIPPED.toJson());
        out.flush();
        return ExitCodes.OK;
    }
}
