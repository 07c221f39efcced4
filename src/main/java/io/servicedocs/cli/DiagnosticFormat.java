package io.servicedocs.cli;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.review.GithubAnnotation;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How diagnostics are printed: for people, for GitHub Actions annotations, or as JSON. */
enum DiagnosticFormat {
    TEXT {
        @Override
        void print(List<Diagnostic> diagnostics, UnaryOperator<String> displayPath, String summary, PrintWriter out) {
            // Written in blocks, not a printf per line: the command's writer flushes at every
            // printf, and 6,722 warnings (1,000 products) took a write and a Formatter each (issue 15).
            String lineEnd = System.lineSeparator();
            StringBuilder block = new StringBuilder(1 << 16);
            for (Diagnostic d : diagnostics) {
                block.append(oneLine(displayPath.apply(d.file()))).append(':').append(d.line()).append(':')
                        .append(d.column()).append(": ").append(d.isError() ? "error" : "warning").append(": ")
                        .append(oneLine(d.message())).append(" [").append(d.rule()).append(']').append(lineEnd);
                if (block.length() >= 1 << 16) {
                    out.write(block.toString());
                    block.setLength(0);
                }
            }
            out.write(block.toString());
            out.println(summary);
        }
    },
    GITHUB {
        @Override
        void print(List<Diagnostic> diagnostics, UnaryOperator<String> displayPath, String summary, PrintWriter out) {
            // GitHub shows at most 10 annotations of a level per step: errors first, the rest counted
            GithubAnnotation.withinLimits(diagnostics.stream().map(d -> new GithubAnnotation(d.isError() ? "error"
                    : "warning", displayPath.apply(d.file()), d.line(), d.column(), "servicedocs " + d.rule(),
                    d.message())).toList(), "./servicedocs validate lists all of them").forEach(out::println);
            out.println(summary);
        }
    },
    JSON {
        @Override
        void print(List<Diagnostic> diagnostics, UnaryOperator<String> displayPath, String summary, PrintWriter out) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
            report.put("warnings", diagnostics.stream().filter(d -> !d.isError()).count());
            report.put("diagnostics", diagnostics.stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("severity", d.isError() ? "error" : "warning");
                m.put("file", displayPath.apply(d.file()));
                m.put("line", d.line());
                m.put("column", d.column());
                m.put("rule", d.rule());
                m.put("message", d.message());
                return m;
            }).toList());
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        }
    };

    /**
     * {@code text} on one line: CI runners read every line of a job's output for workflow commands
     * ({@code ::error ...}, {@code ::add-mask::}), so a line break in a file name or in a value a
     * message quotes must not start a line of its own. Control characters are shown escaped.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) && c != '\t' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    abstract void print(List<Diagnostic> diagnostics, UnaryOperator<String> displayPath, String summary,
                        PrintWriter out);
}
