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
            for (Diagnostic d : diagnostics) {
                out.printf("%s:%d:%d: %s: %s [%s]%n", displayPath.apply(d.file()), d.line(), d.column(),
                        d.isError() ? "error" : "warning", d.message(), d.rule());
            }
            out.println(summary);
        }
    },
    GITHUB {
        @Override
        void print(List<Diagnostic> diagnostics, UnaryOperator<String> displayPath, String summary, PrintWriter out) {
            for (Diagnostic d : diagnostics) {
                out.println(new GithubAnnotation(d.isError() ? "error" : "warning", displayPath.apply(d.file()), d.line(),
                        d.column(), "servicedocs " + d.rule(), d.message()));
            }
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

    abstract void print(List<Diagnostic> diagnostics, UnaryOperator<String> displayPath, String summary,
                        PrintWriter out);
}
