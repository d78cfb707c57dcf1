package dev.winnow.run;

import java.io.IOException;
import java.util.List;

/**
 * The output folder holds files Winnow did not write, so the run did nothing: writing there could
 * replace or delete something the user owns. The message names the files and what to do. A usage
 * error, not a failure: the command line chose the wrong folder.
 */
public final class ForeignOutputException extends IOException {
    private static final long serialVersionUID = 1L;

    ForeignOutputException(String dir, List<String> lookalikes, List<String> others) {
        super(message(dir, lookalikes, others));
    }

    private static String message(String dir, List<String> lookalikes, List<String> others) {
        if (!lookalikes.isEmpty()) {
            return dir + " holds " + names(lookalikes) + ", which Winnow did not write but would replace; "
                    + "move them away or write to another folder (nothing was changed)";
        }
        return dir + " holds files Winnow did not write (" + names(others) + "); write to an empty or new folder, "
                + "or pass --allow-other-files to write beside them (they are never touched; nothing was changed)";
    }

    /** The first few names, enough to recognise the folder. */
    private static String names(List<String> names) {
        int shown = Math.min(5, names.size());
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }
}
