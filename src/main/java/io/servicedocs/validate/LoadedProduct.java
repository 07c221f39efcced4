package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.Salvaged;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.Product;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A product folder after loading, as the rules see it: each file's record and the document to
 * place findings in, when the file bound, either as written or salvaged from a schema failure
 * ({@link Salvaged}: the nodes at fault pruned, positions still those of the file as written).
 * {@code complete} are the files that loaded without any problem: only a product whose files are
 * all complete becomes part of the model. {@code pruned} holds, per salvaged file, what was cut:
 * a rule that judges an absence asks it first ({@link #pruned(FileKind, String)}). {@code slos} are
 * the SLOs of slos.yaml (none without it), empty when that file has problems.
 */
record LoadedProduct(String folder, Map<FileKind, YamlDocument> documents, Optional<ServiceDoc> serviceDoc,
                     Optional<PhaseStatus> phase, Optional<Assessment> assessment,
                     Optional<SecurityAnswers> security, Optional<Finance> finance,
                     Set<FileKind> complete, Map<FileKind, Set<String>> prunedByFile, CostClaims claims,
                     Optional<java.util.List<io.servicedocs.model.SloDeclaration>> slos) {

    LoadedProduct {
        documents = Map.copyOf(documents);
        complete = Set.copyOf(complete);
        prunedByFile = Map.copyOf(prunedByFile);
    }

    YamlDocument document(FileKind kind) {
        YamlDocument doc = documents.get(kind);
        if (doc == null) {
            throw new IllegalStateException(kind + " of " + folder + " was not loaded");
        }
        return doc;
    }

    /** Whether the node at {@code pointer} of the file of {@code kind} was pruned, itself or with an ancestor. */
    boolean pruned(FileKind kind, String pointer) {
        return prunedByFile.getOrDefault(kind, Set.of()).stream()
                .anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"));
    }

    /** The pointers pruned from the file of {@code kind} (original coordinates). */
    Set<String> pruned(FileKind kind) {
        return prunedByFile.getOrDefault(kind, Set.of());
    }

    /** Whether slos.yaml declares SLOs; a file with problems (reported) counts as declaring them. */
    boolean declaresSlos() {
        return slos.map(list -> !list.isEmpty()).orElse(true);
    }

    /** The product id for messages: the Service Doc's id when it could be read, else the folder. */
    String id() {
        return serviceDoc.map(ServiceDoc::id).orElse(folder);
    }

    /**
     * The product, when every one of its files loaded without problems. A salvaged file runs its
     * rules but never enters the model: the site never shows a half-read product.
     */
    Optional<Product> product() {
        if (!complete.containsAll(Set.of(FileKind.SERVICE_DOC, FileKind.PHASE, FileKind.ASSESSMENT,
                FileKind.SECURITY, FileKind.FINANCE)) || slos.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Product(serviceDoc.get(), phase.get(), assessment.get(), security.get(),
                finance.get(), slos.get()));
    }
}
