package vn.egov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's walkthrough and docs/demo.md give a newcomer the same commands, and neither is empty. */
class DemoDocsTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private final Path root = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeWalkthroughIsTheDemoOfDocs() throws IOException {
        String demo = Files.readString(root.resolve("docs/demo.md"));
        String readme = Files.readString(root.resolve("README.md"));
        int begin = readme.indexOf("<!-- demo:begin");
        int end = readme.indexOf("<!-- demo:end -->");
        assertThat(begin).as("README has the demo section").isPositive();
        assertThat(end).isGreaterThan(begin);

        List<String> demoBlocks = bashBlocks(demo);
        assertThat(demoBlocks).hasSizeGreaterThanOrEqualTo(6);
        assertThat(String.join("\n", demoBlocks))
                .contains(
                        "/api/v1/identity/registrations",
                        "/me/verification",
                        "/api/v1/dossiers",
                        "paymentv2/pay",
                        "/api/v1/notifications",
                        "return-result",
                        "/rating",
                        "/api/v1/public/dossiers/",
                        "/api/v1/statistics/agencies");
        assertThat(bashBlocks(readme.substring(begin, end))).isEqualTo(demoBlocks);
    }

    private static List<String> bashBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
