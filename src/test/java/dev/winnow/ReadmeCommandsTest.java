package dev.winnow;

import dev.winnow.spark.SparkMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's other command lines work as written: every {@code make} target it names is one the Makefile has
 * (the make targets run themselves: {@code make test} runs the suite and the launcher), and every
 * {@code spark-submit} example hands SparkMain arguments it parses. The {@code winnow clean} and
 * {@code winnow source} lines are checked by {@link dev.winnow.cli.ReadmeOptionsTest}.
 */
class ReadmeCommandsTest {
    private static final Pattern MAKE = Pattern.compile("(?<![\\w-])make ([a-z][a-z-]*)");
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`");
    private static final Pattern TARGET = Pattern.compile("^([a-z][a-z-]*)\\s*:(?!=)");

    @Test
    void everyMakeTargetTheReadmeNamesExists() throws IOException {
        Set<String> targets = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("Makefile"))) {
            Matcher m = TARGET.matcher(line);
            if (m.find()) targets.add(m.group(1));
        }
        Set<String> named = new TreeSet<>();
        Matcher m = MAKE.matcher(code(Files.readString(Path.of("README.md"))));
        while (m.find()) named.add(m.group(1));
        assertTrue(named.containsAll(Set.of("run", "test")), "the README names make run and make test: " + named);
        named.removeAll(targets);
        assertTrue(named.isEmpty(), "make targets the README names and the Makefile lacks: " + named);
    }

    @Test
    void everySparkSubmitExampleParses() throws IOException {
        List<List<String>> examples = sparkSubmits(Files.readString(Path.of("README.md")));
        assertFalse(examples.isEmpty(), "the README shows spark-submit");
        List<String> wrong = new ArrayList<>();
        for (List<String> args : examples) {
            try {
                new CommandLine(new SparkMain()).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                wrong.add(e.getMessage() + " in: " + String.join(" ", args));
            }
        }
        assertTrue(wrong.isEmpty(), "spark-submit examples SparkMain refuses:\n" + String.join("\n", wrong));
    }

    /** The README's code: its fenced blocks and its inline code spans, one per line. */
    static String code(String readme) {
        StringBuilder code = new StringBuilder();
        boolean fenced = false;
        for (String line : readme.split("\n")) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (fenced) {
                code.append(line).append('\n');
            } else {
                Matcher span = INLINE.matcher(line);
                while (span.find()) code.append(span.group(1)).append('\n');
            }
        }
        return code.toString();
    }

    /** The arguments after the application jar of each spark-submit command, continued lines joined. */
    static List<List<String>> sparkSubmits(String readme) {
        List<List<String>> out = new ArrayList<>();
        String joined = readme.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            if (!line.strip().startsWith("spark-submit ")) continue;
            List<String> tokens = Arrays.asList(line.strip().split("\\s+"));
            int jar = -1;
            for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).endsWith(".jar")) jar = i;
            assertTrue(jar > 0, "a spark-submit example names the application jar: " + line);
            List<String> args = new ArrayList<>();
            for (String t : tokens.subList(jar + 1, tokens.size())) {
                if (t.startsWith("#")) break;   // a shell comment
                args.add(t);
            }
            out.add(args);
        }
        return out;
    }
}
