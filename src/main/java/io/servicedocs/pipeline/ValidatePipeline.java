package io.servicedocs.pipeline;

import io.servicedocs.cost.allocation.CostResult;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate}: source -> load -> validate, then the cost stage, so that costs that cannot be
 * computed show here and not only when the site is built. Build and review start with it.
 */
public final class ValidatePipeline {

    private final SchemaValidator schemas;
    private final StageTimer timer;

    public ValidatePipeline(SchemaValidator schemas, StageTimer timer) {
        this.schemas = schemas;
        this.timer = timer;
    }

    /** A snapshot validated, and its costs when it is valid (no cost stage on invalid data). */
    public record Checked(ValidationResult validation, CostResult costs) {

        /** The validation's diagnostics and the cost stage's findings, as one result. */
        public ValidationResult all() {
            if (!costs.failed()) {
                return validation;
            }
            List<Diagnostic> diagnostics = new ArrayList<>(validation.diagnostics());
            diagnostics.addAll(costs.findings());
            return new ValidationResult(validation.repository(), diagnostics);
        }
    }

    public Checked check(SnapshotSource source, LocalDate asOf) throws IOException {
        return check(source, asOf, Optional.empty());
    }

    /** @param language the language to read the repository in instead of site.yaml's (--language) */
    public Checked check(SnapshotSource source, LocalDate asOf, Optional<String> language) throws IOException {
        ValidationResult validation = timer.time("validate", () -> new Validation(schemas, asOf, language).run(source));
        if (validation.hasErrors() || validation.repository().isEmpty()) {
            return new Checked(validation, new CostResult(Optional.empty(), List.of()));
        }
        CostResult costs = timer.time("costs", () -> CostResult.of(validation.repository().get()));
        return new Checked(validation, costs);
    }

    /** Every diagnostic of the snapshot, its costs' included. */
    public ValidationResult run(SnapshotSource source, LocalDate asOf) throws IOException {
        return check(source, asOf).all();
    }

    /** As {@link #run(SnapshotSource, LocalDate)}, read in {@code language} instead of site.yaml's. */
    public ValidationResult run(SnapshotSource source, LocalDate asOf, Optional<String> language) throws IOException {
        return check(source, asOf, language).all();
    }
}
