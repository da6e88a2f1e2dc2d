package vn.egov.testsupport.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every page must pass at every size: nothing wider than the screen, and no serious or critical
 * accessibility violation by axe-core (WCAG 2.0/2.1 A and AA). Callers collect the problems of all their pages and
 * sizes and assert the list empty, so one run names every problem.
 */
public final class PageCheck {

    /** A phone and a desktop. */
    public static final List<int[]> SIZES = List.of(new int[] {360, 640}, new int[] {1280, 800});

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private PageCheck() {}

    /** The page now shown, named {@code at} in the sentences (e.g. "home at 360×640"). */
    public static List<String> problems(ChromeDriver chrome, String at) {
        List<String> problems = new ArrayList<>();
        long overflow = ((Number) chrome.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
        if (overflow > 0) {
            problems.add(at + ": " + overflow + " px wider than the screen (scrolls sideways)");
        }
        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(chrome);
        if (axe.getErrorMessage() != null) {
            throw new AssertionError(at + ": axe did not run: " + axe.getErrorMessage());
        }
        if (axe.getPasses() == null || axe.getPasses().isEmpty()) {
            throw new AssertionError(at + ": axe checked nothing");
        }
        for (Rule violation : axe.getViolations()) {
            if (BLOCKING.contains(violation.getImpact())) {
                problems.add(at + ": " + violation.getImpact() + " " + violation.getId() + " — " + violation.getHelp()
                        + " "
                        + violation.getNodes().stream().map(n -> n.getHtml()).toList());
            }
        }
        return problems;
    }
}
