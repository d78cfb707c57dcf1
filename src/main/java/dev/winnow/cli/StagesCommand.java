package dev.winnow.cli;

import dev.winnow.core.Reason;
import dev.winnow.score.PageTyper;
import dev.winnow.stages.Profiles;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Lists the stage chain and every reason code a removal can carry. */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "List the cleaning stages in the order they run and the reason codes removals carry.")
final class StagesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("Stages for plain text, in order:");
        for (String s : Profiles.text().describe()) System.out.println("  " + s);
        System.out.println();
        System.out.println("Stages for HTML and documents (blocks come from the markup, not from segmenting):");
        for (String s : Profiles.html().stages().stream().map(dev.winnow.core.Stage::name).toList()) System.out.println("  " + s);
        System.out.println();
        System.out.println("Page type (metadata.page_type), from the text before cleaning; models as name@hash:");
        System.out.println("  " + PageTyper.shipped().identity());
        System.out.println();
        System.out.println("Reason codes:");
        for (Reason r : Reason.values()) System.out.println("  " + r.code());
        return ExitCodes.OK;
    }
}
