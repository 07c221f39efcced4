package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.Product;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import java.util.Map;
import java.util.Optional;

/**
 * A product folder after loading: each file that parsed, passed its schema and bound to the
 * model, with its document for placing diagnostics. A file with problems is absent, so the rules
 * of the other files still run.
 */
record LoadedProduct(String folder, Map<FileKind, YamlDocument> documents, Optional<ServiceDoc> serviceDoc,
                     Optional<PhaseStatus> phase, Optional<Assessment> assessment,
                     Optional<SecurityAnswers> security, Optional<Finance> finance) {

    YamlDocument document(FileKind kind) {
        YamlDocument doc = documents.get(kind);
        if (doc == null) {
            throw new IllegalStateException(kind + " of " + folder + " was not loaded");
        }
        return doc;
    }

    /** The product, when every one of its files loaded. */
    Optional<Product> product() {
        if (serviceDoc.isEmpty() || phase.isEmpty() || assessment.isEmpty() || security.isEmpty()
                || finance.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Product(serviceDoc.get(), phase.get(), assessment.get(), security.get(),
                finance.get()));
    }
}
