package io.servicedocs.cli;

import io.servicedocs.model.Diagnostic;
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
            // https://docs.github.com/actions/reference/workflow-commands-for-github-actions
            for (Diagnostic d : diagnostics) {
                out.printf("::%s file=%s,line=%d,col=%d,title=%s::%s%n", d.isError() ? "error" : "warning",
                        property(displayPath.apply(d.file())), d.line(), d.column(), property("servicedocs " + d.rule()),
                        data(d.message()));
            }
            out.println(summary);
        }

        private String data(String s) {
            return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        }

        private String property(String s) {
            return data(s).replace(":", "%3A").replace(",", "%2C");
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
