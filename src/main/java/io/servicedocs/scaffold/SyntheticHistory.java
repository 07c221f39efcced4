package io.servicedocs.scaffold;

import io.servicedocs.model.Phase;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Writes a git repository with a synthetic history for benchmarks: the first {@code products}
 * commits each add a product in the standard's first phase with every level 0; every later
 * commit changes one random product: mostly a level up, sometimes a promotion, rarely a level
 * down. Objects are written directly (blobs, trees, commits) rather than through a working tree
 * and index, which would make 10,000 commits take minutes. The same seed gives the same history.
 */
public final class SyntheticHistory {

    private SyntheticHistory() {
    }

    public static ObjectId write(Standard standard, Path standardRoot, Path target, int products, int commits,
                                 LocalDate start, long seed) throws IOException, GitAPIException {
        Random random = new Random(seed);
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call();
             ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            Repository repository = git.getRepository();
            ObjectId standards = standardsTree(inserter, standardRoot.resolve("standards"));
            List<ProductDraft> drafts = new ArrayList<>();
            Map<String, ObjectId> productTrees = new TreeMap<>();
            ObjectId parent = null;
            Instant time = start.atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int i = 0; i < commits; i++) {
                time = time.plus(2, ChronoUnit.HOURS);
                LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
                String message;
                int index;
                if (i < products || drafts.isEmpty()) {
                    index = drafts.size();
                    drafts.add(newProduct(standard, index, day, random));
                    message = "Add " + drafts.get(index).id();
                } else {
                    index = random.nextInt(drafts.size());
                    ProductDraft changed = change(standard, drafts.get(index), day, random);
                    message = "Update " + changed.id();
                    drafts.set(index, changed);
                }
                ProductDraft draft = drafts.get(index);
                productTrees.put(draft.id(), productTree(inserter, ProductWriter.render(standard, draft)));
                TreeFormatter productsTree = new TreeFormatter();
                productTrees.forEach((id, tree) -> productsTree.append(id, FileMode.TREE, tree));
                TreeFormatter root = new TreeFormatter();
                root.append("products", FileMode.TREE, inserter.insert(productsTree));
                root.append("standards", FileMode.TREE, standards);
                PersonIdent who = new PersonIdent("Dev " + random.nextInt(20), "dev@example.com", time, ZoneOffset.UTC);
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(inserter.insert(root));
                if (parent != null) {
                    commit.setParentId(parent);
                }
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage(message + "\n");
                parent = inserter.insert(commit);
            }
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
            update.setNewObjectId(parent);
            update.forceUpdate();
            return parent;
        }
    }

    private static ProductDraft newProduct(Standard standard, int index, LocalDate day, Random random) {
        ProductDraft template = SyntheticRepository.draft(standard, index, day, random);
        Map<String, Integer> levels = new HashMap<>();
        standard.items().forEach(item -> levels.put(item.id(), 0));
        Map<String, Answer> answers = new HashMap<>();
        standard.checks().stream().map(SecurityCheck::id).forEach(id -> answers.put(id, Answer.NO));
        return withState(template, standard.phases().get(0).id(), day, levels, answers);
    }

    private static ProductDraft change(Standard standard, ProductDraft d, LocalDate day, Random random) {
        int dice = random.nextInt(100);
        if (dice < 8) {
            int next = standard.phaseIndex(d.phase()) + 1;
            if (next < standard.phases().size()) {
                Phase phase = standard.phases().get(next);
                return withState(d, phase.id(), day, d.levels(), d.answers());
            }
        }
        Map<String, Integer> levels = new HashMap<>(d.levels());
        QualityItem item = standard.items().get(random.nextInt(standard.items().size()));
        int level = levels.get(item.id()) + (dice < 95 ? 1 : -1);
        levels.put(item.id(), Math.max(0, Math.min(item.maxLevel(), level)));
        Map<String, Answer> answers = new HashMap<>(d.answers());
        if (!standard.checks().isEmpty() && random.nextInt(4) == 0) {
            answers.put(standard.checks().get(random.nextInt(standard.checks().size())).id(), Answer.YES);
        }
        return new ProductDraft(d.id(), d.name(), d.summary(), d.team(), d.people(), d.tier(), d.repositoryUrl(), d.phase(), d.since(),
                day, d.assessedBy(), levels, answers, d.costElements(), d.months());
    }

    private static ProductDraft withState(ProductDraft d, String phase, LocalDate since, Map<String, Integer> levels,
                                          Map<String, Answer> answers) {
        return new ProductDraft(d.id(), d.name(), d.summary(), d.team(), d.people(), d.tier(), d.repositoryUrl(), phase, since,
                since, d.assessedBy(), levels, answers, d.costElements(), d.months());
    }

    private static ObjectId productTree(ObjectInserter inserter, Map<String, String> files) throws IOException {
        TreeFormatter tree = new TreeFormatter();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            tree.append(file.getKey(), FileMode.REGULAR_FILE,
                    inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return inserter.insert(tree);
    }

    private static ObjectId standardsTree(ObjectInserter inserter, Path folder) throws IOException {
        TreeFormatter tree = new TreeFormatter();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                tree.append(file.getFileName().toString(), FileMode.REGULAR_FILE,
                        inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(file)));
            }
        }
        return inserter.insert(tree);
    }

}
