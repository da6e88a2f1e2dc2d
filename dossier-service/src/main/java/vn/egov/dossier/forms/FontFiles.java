package vn.egov.dossier.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The TrueType files the forms embed: DejaVu Serif and DejaVu Serif Bold (Bitstream Vera licence, full Vietnamese
 * coverage; {@code src/main/resources/fonts/README.md}). Read once; each PDF parses and subsets its own copy, since
 * PDFBox's font objects belong to one document.
 */
@Component
class FontFiles {

    private final byte[] regular;
    private final byte[] bold;

    FontFiles() {
        this.regular = read("/fonts/DejaVuSerif.ttf");
        this.bold = read("/fonts/DejaVuSerif-Bold.ttf");
    }

    byte[] regular() {
        return regular;
    }

    byte[] bold() {
        return bold;
    }

    private static byte[] read(String resource) {
        try (InputStream in = FontFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
