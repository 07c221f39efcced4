package io.servicedocs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The build state serve shows in the browser: numbers that change, errors escaped, the script placed. */
class LiveBuildTest {

    @Test
    void everyBuildHasANewNumberAndAFailureItsPage() {
        LiveBuild live = new LiveBuild();
        assertEquals(new LiveBuild.State(0, Optional.empty()), live.state());
        live.failed("The build stopped: <bad>.", List.of(new Diagnostic(Diagnostic.Severity.ERROR,
                "/repo/products/a<b>/phase.yaml", 3, 9, "phase", "unknown phase '<script>alert(1)</script>' & more")),
                path -> path.replace("/repo/", ""));
        LiveBuild.State failed = live.state();
        assertEquals(1, failed.number());
        String page = failed.errorPage().orElseThrow();
        assertTrue(page.contains("<p>The build stopped: &lt;bad&gt;.</p>"), page);
        assertTrue(page.contains("<li class=\"error\"><code>products/a&lt;b&gt;/phase.yaml:3:9</code> <strong>error</strong> "
                + "unknown phase &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; more <span class=\"rule\">[phase]</span></li>"),
                page);
        live.succeeded();
        assertEquals(new LiveBuild.State(2, Optional.empty()), live.state());
    }

    @Test
    void theScriptGoesBeforeTheLastBodyEndTag() {
        LiveBuild.State state = new LiveBuild.State(7, Optional.empty());
        assertEquals("<p>x</p><script src=\"/__servicedocs/live.js\" data-build=\"7\"></script>\n</BODY></html>",
                PreviewServer.withLiveScript("<p>x</p></BODY></html>", state));
        assertEquals("<p>no body</p><script src=\"/__servicedocs/live.js\" data-build=\"7\"></script>\n",
                PreviewServer.withLiveScript("<p>no body</p>", state));
    }
}
