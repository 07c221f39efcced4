package io.servicedocs.cli;

import io.servicedocs.pipeline.StageTimer;
import io.servicedocs.pipeline.ValidatePipeline;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.validate.ValidationResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

    @Mixin
    LanguageOption language;

    @Mixin
    CacheOption cache;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), github (GitHub Actions annotations) or json.",
            converter = FormatConverter.class)
    DiagnosticFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var source = repository.source();
        var shown = language.checked(source.root());
        StageTimer timer = StageTimer.fromSystemProperties(spec.commandLine().getErr());
        // The schemas (~0.3 s to compile) and the cache (the tool's identity, the last run's pack
        // read and its HMAC checked) do not depend on each other: made side by side (issue 15),
        // and the files are read and parsed before the first check waits for the schemas.
        SchemaValidator schemas = SchemaValidator.compiledInBackground();
        var files = cache.files(source.root());
        ValidationResult result = new ValidatePipeline(schemas, timer, files).run(source, repository.today(), shown);
        int products = result.repository().map(r -> r.products().size()).orElse(0);
        String summary = String.format("%s: %d error(s), %d warning(s); %d product(s) fully loaded",
                result.hasErrors() ? "invalid" : "valid", result.errorCount(), result.warningCount(), products);
        PrintWriter out = spec.commandLine().getOut();
        format.print(result.diagnostics(), DisplayPath.of(source.root()), summary, out);
        out.flush();
        timer.sinceJvmStart();
        return result.hasErrors() ? 1 : 0;
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
