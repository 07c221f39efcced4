package io.servicedocs.scaffold;

import io.servicedocs.model.Money;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import io.servicedocs.scaffold.ProductDraft.MonthDraft;
import io.servicedocs.write.StagedFiles;
import io.servicedocs.write.TemporaryFiles;
import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a product folder from a draft: every file the validator expects, each starting with
 * the line that points editors at its schema. The folder appears whole or not at all.
 */
public final class ProductWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProductWriter() {
    }

    /** The files of the product, by file name, as YAML text. */
    public static Map<String, String> render(Standard standard, ProductDraft draft) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("service-doc.yaml", serviceDoc(draft));
        files.put("phase.yaml", phase(draft));
        files.put("assessment.yaml", assessment(standard, draft));
        files.put("security.yaml", security(standard, draft));
        files.put("finance.yaml", finance(draft));
        return files;
    }

    /**
     * Writes the files into {@code products/<id>} under {@code repositoryRoot}: first into a
     * hidden temporary folder beside it ({@code .<id>.tmp-<pid>-<random>}, which the loader does
     * not read), then renamed in one step. (Temporary folders of killed runs: {@link #removeLeftovers}.)
     *
     * @throws FileAlreadyExistsException when the product folder exists already
     * @throws WriteException when a file cannot be written; it names the file, and nothing is left
     */
    public static Path write(Path repositoryRoot, String id, Map<String, String> files) throws IOException {
        Path products = repositoryRoot.resolve("products");
        Path target = products.resolve(id);
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "product folder exists already");
        }
        try {
            Files.createDirectories(products);
        } catch (IOException e) {
            throw new WriteException(products, "cannot make the folder " + products + ": "
                    + TemporaryFiles.reason(e, products) + ". Nothing was written.", e);
        }
        Path temporary = TemporaryFiles.temporaryFolder(target);
        try {
            try {
                // not Files.createTempDirectory: the product folder would be readable by its owner only
                Files.createDirectory(temporary);
            } catch (IOException e) {
                throw failed(target, e);
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                try {
                    byte[] text = file.getValue().getBytes(StandardCharsets.UTF_8);
                    StagedFiles.SYSTEM.write(temporary.resolve(file.getKey()), text);
                } catch (IOException e) {
                    throw failed(target.resolve(file.getKey()), e);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw failed(target, e);
            }
            return target;
        } finally {
            try {
                deleteIfPresent(temporary);
            } catch (IOException e) {
                // a leftover for the next run, whose process will be dead then
            }
            TemporaryFiles.release(temporary);
        }
    }

    /**
     * Removes the temporary folders that killed runs of {@link #write} left in products/ (their
     * process is dead); those of a live run are left alone.
     *
     * @throws WriteException naming a leftover that cannot be removed
     */
    public static void removeLeftovers(Path repositoryRoot) throws WriteException {
        TemporaryFiles.removeLeftovers(repositoryRoot.resolve("products"));
    }

    private static WriteException failed(Path file, IOException e) {
        return new WriteException(file, "cannot write " + file + ": " + TemporaryFiles.reason(e, file)
                + ". Nothing was written.", e);
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String header(String schema, String purpose) {
        return "# yaml-language-server: $schema=../../schemas/" + schema + "\n# " + purpose + "\n";
    }

    /** A YAML double-quoted scalar: JSON string syntax is valid YAML and escapes everything needed. */
    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    /** Text on one comment line: any line break (also NEL, LS, PS, which YAML 1.1 readers break at) becomes a space. */
    private static String comment(String text) {
        return text.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ");
    }

    private static String serviceDoc(ProductDraft d) {
        StringBuilder y = new StringBuilder(header("service-doc.schema.json",
                "What the product is, who owns it, its links, dependencies and cost elements (its SLOs go in slos.yaml, OpenSLO v1)."));
        ProductDraft.Details details = d.details();
        details.notes().forEach(note -> y.append("# ").append(comment(note)).append('\n'));
        y.append("id: ").append(d.id()).append('\n');
        y.append("name: ").append(quote(d.name())).append('\n');
        y.append("summary: ").append(quote(d.summary())).append('\n');
        details.description().ifPresent(text -> y.append("description: ").append(quote(text)).append('\n'));
        d.tier().ifPresent(t -> y.append("tier: ").append(t).append('\n'));
        y.append("owners:\n");
        y.append("  team: ").append(d.team()).append('\n');
        y.append("  product_manager:\n    name: ").append(quote(d.people().productManager())).append('\n');
        y.append("  tech_lead:\n    name: ").append(quote(d.people().techLead())).append('\n');
        y.append("users:\n  audience: internal\n  description: ").append(quote(d.people().usersDescription()))
                .append('\n');
        y.append("links:\n  repository: ").append(quote(d.repositoryUrl())).append('\n');
        details.runbook().ifPresent(url -> y.append("  runbook: ").append(quote(url)).append('\n'));
        if (!details.dashboards().isEmpty()) {
            y.append("  dashboards:\n");
            details.dashboards().forEach(link -> y.append("    - title: ").append(quote(link.title())).append('\n')
                    .append("      url: ").append(quote(link.url())).append('\n'));
        }
        details.statusPage().ifPresent(url -> y.append("  status_page: ").append(quote(url)).append('\n'));
        details.onCall().ifPresent(url -> y.append("  on_call: ").append(quote(url)).append('\n'));
        details.documentation().ifPresent(url -> y.append("  documentation: ").append(quote(url)).append('\n'));
        if (!details.dependencies().isEmpty()) {
            y.append("dependencies:\n  products:\n");
            details.dependencies().forEach(dependency -> y.append("    - id: ").append(dependency.id()).append('\n')
                    .append("      purpose: ").append(quote(dependency.purpose())).append('\n'));
        }
        if (!details.tags().isEmpty()) {
            y.append("tags:\n");
            details.tags().forEach(tag -> y.append("  - ").append(quote(tag)).append('\n'));
        }
        if (!d.costElements().isEmpty()) {
            y.append("cost_elements:\n");
            d.costElements().forEach(c -> y.append("  - provider: ").append(c.provider()).append('\n')
                    .append("    id: ").append(quote(c.id())).append('\n'));
        }
        if (!d.months().isEmpty()) {
            y.append("demand_metric:\n  name: Active users\n  unit: user\n");
        }
        return y.toString();
    }

    private static String phase(ProductDraft d) {
        return header("phase.schema.json", "The product's lifecycle phase. Changes need the review board's approval.")
                + "phase: " + d.phase() + "\nsince: " + d.since() + "\n";
    }

    private static String assessment(Standard standard, ProductDraft d) {
        StringBuilder y = new StringBuilder(header("assessment.schema.json",
                "Self-assessment: the level reached for every quality item of the standard, with evidence."));
        y.append("assessed_on: ").append(d.assessedOn()).append('\n');
        y.append("assessed_by: ").append(quote(d.assessedBy())).append('\n');
        y.append("items:\n");
        for (QualityItem item : standard.items()) {
            int level = d.levels().getOrDefault(item.id(), 0);
            y.append("  ").append(item.id()).append(":  # ").append(comment(item.title())).append('\n');
            // a binary item (met / not met) is answered with met: true|false, a level item with its level
            y.append(item.isBinary() ? "    met: " + (level >= 1) : "    level: " + level).append('\n');
            if (level >= 1) {
                // A level of 1 or more needs evidence (rule level-without-evidence); only generated
                // drafts claim levels, and their repository's page for the item stands in for it.
                y.append("    evidence:\n      - title: ").append(quote(item.title() + (item.isBinary() ? ", met" : ", level " + level))).append('\n')
                        .append("        url: ").append(quote(d.repositoryUrl() + "/wiki/" + item.id())).append('\n');
            }
        }
        return y.toString();
    }

    private static String security(Standard standard, ProductDraft d) {
        StringBuilder y = new StringBuilder(header("security.schema.json",
                "Answers to the security checklist: yes, no, or not-applicable with the reason."));
        y.append("checks:\n");
        for (SecurityCheck check : standard.checks()) {
            Answer answer = d.answers().getOrDefault(check.id(), Answer.NO);
            y.append("  ").append(check.id()).append(":  # ").append(comment(check.title())).append('\n');
            y.append("    answer: ").append(switch (answer) {
                case YES -> "\"yes\"";
                case NO -> "\"no\"";
                case NOT_APPLICABLE -> "not-applicable\n    reason: \"TODO: why the check does not apply\"";
            }).append('\n');
        }
        return y.toString();
    }

    private static String finance(ProductDraft d) {
        StringBuilder y = new StringBuilder(header("finance.schema.json",
                "Monthly recurring revenue, labour (investment / maintenance) and demand, by month."));
        if (d.months().isEmpty()) {
            return y.append("months: {}\n").toString();
        }
        y.append("months:\n");
        for (Map.Entry<java.time.YearMonth, MonthDraft> month : d.months().entrySet()) {
            MonthDraft m = month.getValue();
            y.append("  \"").append(month.getKey()).append("\":\n");
            y.append("    mrr: ").append(money(m.mrr())).append('\n');
            y.append("    labour:\n      investment: ").append(money(m.investment())).append('\n');
            y.append("      maintenance: ").append(money(m.maintenance())).append('\n');
            y.append("    demand: ").append(m.demand().toPlainString()).append('\n');
        }
        return y.toString();
    }

    private static String money(Money money) {
        return "{amount: " + money.amount().toPlainString() + ", currency: " + money.currency().getCurrencyCode() + "}";
    }
}
