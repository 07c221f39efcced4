package io.servicedocs.serve;

import io.servicedocs.model.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What {@code serve} tells the browser about its builds: a number that changes with every build
 * (the open page polls it and reloads when it changes) and, while the last build failed, why, so the
 * preview shows the errors instead of a site that no longer matches the sources. Only the preview
 * server knows this; nothing of it is ever written into the site.
 */
public final class LiveBuild {

    /** One finished build: its number and, when it failed, the page that says why. */
    record State(long number, Optional<String> errorPage) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(0, Optional.empty()));

    State state() {
        return state.get();
    }

    /** The build succeeded: open pages reload and show the new site. */
    public void succeeded() {
        state.updateAndGet(s -> new State(s.number() + 1, Optional.empty()));
    }

    /**
     * The build failed: open pages reload and every page of the site shows these diagnostics (each
     * as file:line:column, {@code displayPath} as the console prints it) until a build succeeds.
     */
    public void failed(String summary, List<Diagnostic> diagnostics, UnaryOperator<String> displayPath) {
        StringBuilder list = new StringBuilder();
        // the errors first: they are why the page is not shown; the warnings follow
        List<Diagnostic> errorsFirst = diagnostics.stream().sorted(java.util.Comparator.comparing(d -> !d.isError())).toList();
        for (Diagnostic d : errorsFirst) {
            list.append("<li class=\"").append(d.isError() ? "error" : "warning").append("\"><code>")
                    .append(escape(displayPath.apply(d.file()))).append(':').append(d.line()).append(':').append(d.column())
                    .append("</code> <strong>").append(d.isError() ? "error" : "warning").append("</strong> ")
                    .append(escape(d.message())).append(" <span class=\"rule\">[").append(escape(d.rule()))
                    .append("]</span></li>\n");
        }
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <title>Build failed · servicedocs serve</title>
                <style>
                body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 1.5rem; max-width: 60rem; }
                h1 { font-size: 1.4rem; color: #b42318; }
                ul { padding: 0; list-style: none; }
                li { padding: .5rem .75rem; border-left: 4px solid #b42318; margin: .5rem 0; overflow-wrap: anywhere; }
                li.warning { border-color: #8a4b00; }
                code { font-family: ui-monospace, monospace; }
                .rule { opacity: .75; }
                @media (prefers-color-scheme: dark) { h1 { color: #ff9b91; } li { border-color: #ff9b91; } }
                </style>
                </head>
                <body>
                <main>
                <h1>The site could not be built</h1>
                <p>%s</p>
                <ul>
                %s</ul>
                <p>This page comes back by itself when the next build succeeds. The last good site is still in the output folder.</p>
                </main>
                </body>
                </html>
                """.formatted(escape(summary), list);
        state.updateAndGet(s -> new State(s.number() + 1, Optional.of(page)));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
