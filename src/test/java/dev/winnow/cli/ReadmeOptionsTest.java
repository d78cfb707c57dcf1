package dev.winnow.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's options are the program's: its table of {@code winnow clean} options names every option the command
 * has and none it lacks, and every {@code winnow clean} or {@code winnow source} command line in it uses only
 * options the command takes. So an option added, renamed or removed without the README fails here.
 */
class ReadmeOptionsTest {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    private static List<String> readme() throws IOException {
        return Files.readAllLines(Path.of("README.md"));
    }

    private static Set<String> optionsOf(String subcommand) {
        CommandLine command = new CommandLine(new Main()).getSubcommands().get(subcommand);
        Set<String> names = new TreeSet<>();
        command.getCommandSpec().options().forEach(o -> {
            for (String n : o.names()) if (n.startsWith("--")) names.add(n);
        });
        return names;
    }

    private static Set<String> optionsIn(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    @Test
    void theOptionsTableNamesExactlyTheOptionsOfClean() throws IOException {
        List<String> lines = readme();
        int header = lines.indexOf("| option | default | meaning |");
        assertTrue(header >= 0, "the README has the options table of winnow clean");
        Set<String> documented = new TreeSet<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String firstCell = lines.get(i).split("\\|")[1];
            documented.addAll(optionsIn(firstCell));
        }
        Set<String> options = optionsOf("clean");
        options.removeAll(STANDARD);
        assertEquals(options, documented, "the README's table of winnow clean's options against the command's");
    }

    @Test
    void everyCommandLineInTheReadmeUsesOptionsItsCommandTakes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String line : readme()) {
            for (String sub : List.of("clean", "source", "explain", "profile")) {
                Matcher m = Pattern.compile("winnow(?:\\.jar)? " + sub + "\\b([^`|;&]*)").matcher(line);
                Set<String> known = optionsOf(sub);
                while (m.find()) {
                    for (String option : optionsIn(m.group(1))) {
                        if (!known.contains(option)) wrong.add(sub + " " + option + " in: " + line.strip());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "options the commands do not take:\n" + String.join("\n", wrong));
    }
}
