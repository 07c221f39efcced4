package io.servicedocs.validate;

import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.SliTemplate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The rules of standards/sli-templates.yaml beyond its schema: template ids and parameter names
 * are unique, every {{name}} of a query is a declared parameter (did you mean...), and every
 * parameter is used by both the Prometheus and the Datadog form, so that a product gives the
 * same parameters whichever source it reads.
 */
final class SliTemplateRules {

    private SliTemplateRules() {
    }

    static void check(List<SliTemplate> templates, YamlDocument doc, Findings findings) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            SliTemplate template = templates.get(i);
            String at = "/templates/" + i;
            if (!ids.add(template.id())) {
                findings.error(doc, at + "/id", "duplicate-id", "SLI template id '" + template.id() + "' is used twice");
            }
            Set<String> names = new LinkedHashSet<>();
            for (int p = 0; p < template.parameters().size(); p++) {
                String name = template.parameters().get(p).name();
                if (!names.add(name)) {
                    findings.error(doc, at + "/parameters/" + p + "/name", "duplicate-id",
                            "parameter '" + name + "' of SLI template '" + template.id() + "' is declared twice");
                }
            }
            for (String form : List.of("prometheus", "datadog")) {
                SliTemplate.Queries queries = form.equals("prometheus") ? template.prometheus() : template.datadog();
                for (String part : List.of("good", "total")) {
                    String query = part.equals("good") ? queries.good() : queries.total();
                    Set<String> used = placeholders(query);
                    for (String name : used) {
                        if (!names.contains(name)) {
                            findings.error(doc, at + "/" + form + "/" + part, "sli-template-placeholder",
                                    "{{" + name + "}} is not a parameter of SLI template '" + template.id() + "'; "
                                            + Suggestions.expectedOneOf(name, names) + " (declare it under parameters)");
                        }
                    }
                }
                Set<String> used = new HashSet<>(placeholders(queries.good()));
                used.addAll(placeholders(queries.total()));
                for (int p = 0; p < template.parameters().size(); p++) {
                    String name = template.parameters().get(p).name();
                    if (!used.contains(name)) {
                        findings.error(doc, at + "/parameters/" + p + "/name", "sli-template-placeholder",
                                "parameter '" + name + "' of SLI template '" + template.id() + "' is not used by its "
                                        + form + " queries; write {{" + name + "}} in them or remove the parameter");
                    }
                }
            }
        }
    }

    private static Set<String> placeholders(String query) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = SliTemplate.PLACEHOLDER.matcher(query);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
