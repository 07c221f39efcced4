package io.servicedocs.history;

import io.servicedocs.history.FileChange.BlobKey;
import io.servicedocs.history.HistoryWalker.CommitChanges;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.ModelBinder;
import io.servicedocs.load.Translations;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.Product;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.Standard;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies each commit's file changes, in order, to the current state of every product folder and
 * of the standard, and records a new version of a product only when its state changed.
 *
 * <p>A file that is invalid at a commit is skipped with a warning and its last valid content stays
 * in force: one broken push must not read as "the product left ga and came back". A product is
 * identified by the id in its service-doc.yaml, so a renamed folder carries its history along.
 */
final class SnapshotFold {

    private final Map<BlobKey, ParsedBlob> parsed;
    private final ModelBinder binder = new ModelBinder();

    private final Map<String, Folder> folders = new HashMap<>();
    private final Map<String, Set<String>> foldersById = new HashMap<>();
    private final Map<String, ProductState> current = new HashMap<>();
    private final Map<String, List<ProductVersion>> versions = new TreeMap<>();
    private final Map<FileKind, YamlDocument> standardDocs = new EnumMap<>(FileKind.class);
    private final List<StandardVersion> standards = new ArrayList<>();
    private final List<HistoryWarning> warnings = new ArrayList<>();

    /** The last valid content of each file of a product folder, and the product id it stands for. */
    private static final class Folder {
        final Map<FileKind, Object> records = new EnumMap<>(FileKind.class);
        Optional<String> id = Optional.empty();
    }

    SnapshotFold(Map<BlobKey, ParsedBlob> parsed) {
        this.parsed = parsed;
    }

    Snapshots fold(List<CommitChanges> commits, boolean shallow) {
        List<CommitInfo> infos = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            CommitChanges commit = commits.get(i);
            infos.add(commit.commit());
            apply(i, commit);
        }
        return new Snapshots(infos, versions, standards, warnings, shallow);
    }

    private void apply(int index, CommitChanges commit) {
        Set<String> changedFolders = new TreeSet<>();
        boolean standardChanged = false;
        for (FileChange change : commit.changes()) {
            Optional<Object> value = change.key().flatMap(key -> valueOf(key, commit.commit(), change.path()));
            if (change.blob().isPresent() && value.isEmpty()) {
                continue; // invalid: the last valid content stays
            }
            if (change.folder().isEmpty()) {
                standardChanged = true;
                value.ifPresentOrElse(doc -> standardDocs.put(change.kind(), (YamlDocument) doc),
                        () -> standardDocs.remove(change.kind()));
            } else {
                Folder folder = folders.computeIfAbsent(change.folder().get(), f -> new Folder());
                value.ifPresentOrElse(v -> folder.records.put(change.kind(), v), () -> folder.records.remove(change.kind()));
                changedFolders.add(change.folder().get());
            }
        }
        if (standardChanged) {
            updateStandard(index, commit.commit());
        }
        Set<String> affected = new TreeSet<>();
        for (String name : changedFolders) {
            reassign(name, affected);
        }
        for (String id : affected) {
            record(index, id);
        }
    }

    private Optional<Object> valueOf(BlobKey key, CommitInfo commit, String path) {
        ParsedBlob blob = parsed.get(key);
        blob.problem().ifPresent(p -> warnings.add(new HistoryWarning(commit.shortId(), path,
                "skipped, invalid at this commit: " + p)));
        return blob.value();
    }

    private void updateStandard(int index, CommitInfo commit) {
        List<String> problems = new ArrayList<>();
        // The versions of the standard are compared and assessed, not shown: any one language does,
        // and the missing translations are the current validation's to report.
        Optional<Standard> standard = binder.bindStandard(
                Translations.resolveAll(standardDocs, Translations.Language.DEFAULT, missing -> { }),
                d -> problems.add(d.file() + ": " + d.message()));
        if (standard.isEmpty()) {
            warnings.add(new HistoryWarning(commit.shortId(), FileKind.STANDARDS_FOLDER,
                    "the standard is incomplete or does not bind; the previous one stays in force"
                            + (problems.isEmpty() ? "" : ": " + String.join("; ", problems))));
        } else if (standards.isEmpty() || !standards.get(standards.size() - 1).standard().equals(standard.get())) {
            standards.add(new StandardVersion(index, standard.get()));
        }
    }

    /** Recomputes which product id a changed folder stands for; collects the ids to re-record. */
    private void reassign(String name, Set<String> affected) {
        Folder folder = folders.get(name);
        folder.id.ifPresent(affected::add);
        folder.id.ifPresent(old -> foldersById.getOrDefault(old, new TreeSet<>()).remove(name));
        if (folder.records.isEmpty()) {
            folders.remove(name);
            return;
        }
        // service-doc.yaml says who the product is; without one (yet), the folder name does.
        String id = Optional.ofNullable((ServiceDoc) folder.records.get(FileKind.SERVICE_DOC)).map(ServiceDoc::id)
                .or(() -> folder.id).orElse(name);
        folder.id = Optional.of(id);
        foldersById.computeIfAbsent(id, k -> new TreeSet<>()).add(name);
        affected.add(id);
    }

    private void record(int index, String id) {
        Set<String> names = foldersById.getOrDefault(id, Set.of());
        Optional<ProductState> state = Optional.empty();
        if (!names.isEmpty()) {
            // Two folders claiming one id happen mid-copy; the one named after the id wins.
            String name = names.contains(id) ? id : names.iterator().next();
            state = Optional.of(state(id, name, folders.get(name).records));
        }
        Optional<ProductState> before = Optional.ofNullable(current.get(id));
        if (state.equals(before)) {
            return;
        }
        state.ifPresentOrElse(s -> current.put(id, s), () -> current.remove(id));
        versions.computeIfAbsent(id, k -> new ArrayList<>()).add(new ProductVersion(index, state));
    }

    private static ProductState state(String id, String folder, Map<FileKind, Object> records) {
        Optional<PhaseStatus> phase = Optional.ofNullable((PhaseStatus) records.get(FileKind.PHASE));
        Optional<Assessment> assessment = Optional.ofNullable((Assessment) records.get(FileKind.ASSESSMENT));
        Optional<Map<String, Integer>> levels = assessment.map(a -> {
            Map<String, Integer> map = new LinkedHashMap<>();
            a.items().forEach((item, assessed) -> map.put(item, assessed.level()));
            return map;
        });
        Optional<Product> product = Optional.empty();
        if (records.size() == FileKind.productFiles().size()) {
            product = Optional.of(new Product((ServiceDoc) records.get(FileKind.SERVICE_DOC), phase.get(), assessment.get(),
                    (SecurityAnswers) records.get(FileKind.SECURITY), (Finance) records.get(FileKind.FINANCE)));
        }
        return new ProductState(id, folder, phase.map(PhaseStatus::phase), phase.map(PhaseStatus::since),
                phase.map(PhaseStatus::history).orElse(List.of()), levels,
                assessment.map(Assessment::history).orElse(List.of()), product);
    }
}
