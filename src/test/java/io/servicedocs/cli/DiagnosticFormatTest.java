package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A diagnostic printed for people stays on its line, so a CI runner reads no workflow command from it. */
class DiagnosticFormatTest {

    @Test
    void aLineBreakInAMessageOrFileNameCannotStartAWorkflowCommand() {
        Diagnostic d = Diagnostic.error("products/x\n::error::y/phase.yaml", Position.START, "schema-pattern",
                "'a\r\n::add-mask::secret' is not valid here");
        StringWriter out = new StringWriter();
        DiagnosticFormat.TEXT.print(List.of(d), UnaryOperator.identity(), "1 error", new PrintWriter(out, true));
        assertEquals(List.of(d.file().replace("\n", "\\n") + ":" + d.line() + ":" + d.column()
                + ": error: 'a\\r\\n::add-mask::secret' is not valid here [schema-pattern]", "1 error"),
                out.toString().lines().toList());
    }
}
