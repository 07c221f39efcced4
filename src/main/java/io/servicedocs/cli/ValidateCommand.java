package io.servicedocs.cli;

import io.servicedocs.cost.allocation.CostAllocation;
import io.servicedocs.cost.ledger.LedgerException;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks every file against its JSON Schema and the cross-references between files.",
                "Exit status: 0 valid (warnings allowed), 1 problems in the data, 2 usage or I/O problems."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), github (GitHub Actions annotations) or json.",
            converter = FormatConverter.class)
    DiagnosticFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var source = repository.source();
        ValidationResult result = withCostCheck(new Validation(new SchemaValidator(), repository.today()).run(source));
        int products = result.repository().map(r -> r.products().size()).orElse(0);
        String summary = String.format("%s: %d error(s), %d warning(s); %d product(s) fully loaded",
                result.hasErrors() ? "invalid" : "valid", result.errorCount(), result.warningCount(), products);
        PrintWriter out = spec.commandLine().getOut();
        format.print(result.diagnostics(), displayPath(source.root()), summary, out);
        out.flush();
        if (Boolean.getBoolean("servicedocs.timing")) {
            // For bench/validate.sh: the time the JVM spent from its start to here.
            long sinceStart = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            spec.commandLine().getErr().println("servicedocs timing: after JVM start: " + sinceStart + " ms");
        }
        return result.hasErrors() ? 1 : 0;
    }

    /**
     * Valid cost data can still be impossible to compute without a guess (a proportional split
     * whose targets all have no direct cost in a month): validate computes the costs as build
     * would, so that such a problem shows here and not only when the site is built.
     */
    static ValidationResult withCostCheck(ValidationResult result) {
        if (result.hasErrors() || result.repository().isEmpty()) {
            return result;
        }
        try {
            CostAllocation.compute(result.repository().get());
            return result;
        } catch (LedgerException e) {
            List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
            diagnostics.add(Diagnostic.error(FileKind.COSTS.standardPath(), Position.START, "cost-ledger",
                    "the costs cannot be computed: " + e.getMessage()));
            return new ValidationResult(result.repository(), diagnostics);
        }
    }

    /** Paths as seen from the current folder, so that editors and GitHub can open them. */
    static UnaryOperator<String> displayPath(Path root) {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            cwd = cwd.toRealPath();
        } catch (java.io.IOException e) {
            // keep the absolute path
        }
        if (root.equals(cwd)) {
            return p -> p;
        }
        Path base = root.startsWith(cwd) ? cwd.relativize(root) : root;
        return p -> base.resolve(p).toString().replace('\\', '/');
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<DiagnosticFormat> {
        @Override
        public DiagnosticFormat convert(String value) {
            try {
                return DiagnosticFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format; expected text, github or json");
            }
        }
    }
}
