package dev.winnow.formats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tika never runs a program from the PATH (tesseract, exiftool, ffmpeg, sox): output must not depend on
 * what a machine has installed, and a document must not start a process. Checked on the configuration,
 * and end to end: a run in a child JVM whose PATH holds stand-ins for those programs that leave a mark
 * when called, over a PDF, a Word file, an image, a video-like file and an audio-like file.
 */
class NoExternalProgramsTest {
    private static final List<String> PROGRAMS = List.of("tesseract", "exiftool", "ffmpeg", "ffprobe", "sox", "gdalinfo", "file", "strings");

    @Test
    void theConfigurationHasNoParserThatRunsAProgram() {
        Set<String> classes = new DocumentFrontEnd().parserClasses();
        for (String c : classes) {
            assertFalse(c.contains(".external") || c.contains(".ocr.") || c.contains("Tesseract"), c + " runs a program");
        }
        assertTrue(classes.stream().anyMatch(c -> c.endsWith("PDFParser")), "documents are still read: " + classes);
    }

    @Test
    void aRunNeverCallsAProgramFromThePath(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path marks = tmp.resolve("called.txt");
        for (String program : PROGRAMS) {
            Path fake = bin.resolve(program);
            Files.writeString(fake, "#!/bin/sh\necho \"" + program + " $*\" >> '" + marks + "'\nexit 1\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("report.pdf"), DocumentFixtures.pdf());
        Files.write(in.resolve("letter.docx"), DocumentFixtures.docx());
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", in.resolve("scan.png").toFile());
        javax.imageio.ImageIO.write(image, "jpg", in.resolve("photo.jpg").toFile());
        // Container heads only: enough for the detector to name video and audio types.
        Files.write(in.resolve("clip.mp4"), new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0});
        Files.write(in.resolve("song.wav"), new byte[]{'R', 'I', 'F', 'F', 36, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.winnow.cli.Main",
                "clean", in.toString(), "-o", tmp.resolve("out").toString(), "-q", "--no-corpus"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run finished");
        assertEquals(3, p.exitValue(), Files.readString(tmp.resolve("err.txt")));
        assertTrue(Files.readString(tmp.resolve("out/articles.jsonl")).contains("\"id\":\"report\""), "the PDF was read");
        assertFalse(Files.exists(marks), "programs called: " + (Files.exists(marks) ? Files.readString(marks) : ""));
    }
}
