package vn.egov.portal;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** A page's text contains these snippets in this order. */
final class PageOrder extends TypeSafeMatcher<String> {

    private final String[] snippets;

    private PageOrder(String... snippets) {
        this.snippets = snippets;
    }

    static Matcher<String> of(String... snippets) {
        return new PageOrder(snippets);
    }

    @Override
    protected boolean matchesSafely(String page) {
        int from = 0;
        for (String snippet : snippets) {
            int at = page.indexOf(snippet, from);
            if (at < 0) {
                return false;
            }
            from = at + snippet.length();
        }
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a page with, in order: ").appendValueList("", ", ", "", snippets);
    }
}
