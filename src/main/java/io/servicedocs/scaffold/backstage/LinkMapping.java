package io.servicedocs.scaffold.backstage;

import io.servicedocs.scaffold.ProductDraft.LinkDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an entity's links and annotations go in the Service Doc's {@code links}: only to the
 * places the schema has (repository, runbook, dashboards, status_page, on_call, documentation).
 * What has no place, or is not an http(s) URL, becomes a note, so nothing is dropped silently.
 */
final class LinkMapping {

    /** The schema's URL pattern (common.schema.json#/$defs/url). */
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");
    private static final Pattern SLUG = Pattern.compile("^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$");
    private static final Pattern PAGERDUTY_ID = Pattern.compile("^[A-Za-z0-9]+$");

    static final String SOURCE_LOCATION = "backstage.io/source-location";
    static final String GITHUB_SLUG = "github.com/project-slug";
    static final String PAGERDUTY_SERVICE = "pagerduty.com/service-id";
    static final String PAGERDUTY_KEY = "pagerduty.com/integration-key";
    static final String DATADOG_DASHBOARD = "datadoghq.com/dashboard-url";
    static final String GRAFANA_DASHBOARD = "grafana/overview-dashboard";

    private Optional<String> repository = Optional.empty();
    private Optional<String> runbook = Optional.empty();
    private final List<LinkDraft> dashboards = new ArrayList<>();
    private Optional<String> statusPage = Optional.empty();
    private Optional<String> onCall = Optional.empty();
    private Optional<String> documentation = Optional.empty();
    private final List<String> notes = new ArrayList<>();

    /** The links of one entity; {@code pagerDuty} is the account's base URL, e.g. https://acme.pagerduty.com. */
    static LinkMapping of(CatalogEntity entity, Optional<String> pagerDuty) {
        LinkMapping mapping = new LinkMapping();
        mapping.annotations(entity.annotations(), pagerDuty);
        entity.links().forEach(mapping::link);
        return mapping;
    }

    Optional<String> repository() {
        return repository;
    }

    Optional<String> runbook() {
        return runbook;
    }

    List<LinkDraft> dashboards() {
        return List.copyOf(dashboards);
    }

    Optional<String> statusPage() {
        return statusPage;
    }

    Optional<String> onCall() {
        return onCall;
    }

    Optional<String> documentation() {
        return documentation;
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private void annotations(Map<String, String> annotations, Optional<String> pagerDuty) {
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> annotation : annotations.entrySet()) {
            String key = annotation.getKey();
            String value = annotation.getValue();
            switch (key) {
                case SOURCE_LOCATION -> {
                    // "url:https://..." (a folder in a repository); "file:" and "dir:" are paths on the catalog's host
                    String url = value.startsWith("url:") ? value.substring(4) : value;
                    if (URL.matcher(url).matches()) {
                        repository = Optional.of(url);
                    } else {
                        notes.add("Not kept: " + key + " '" + value + "' is not a url: location.");
                    }
                }
                case GITHUB_SLUG -> {
                    if (SLUG.matcher(value).matches()) {
                        repository = repository.or(() -> Optional.of("https://github.com/" + value));
                    } else {
                        notes.add("Not kept: " + key + " '" + value + "' is not OWNER/REPOSITORY.");
                    }
                }
                case PAGERDUTY_SERVICE -> {
                    if (pagerDuty.isPresent() && PAGERDUTY_ID.matcher(value).matches()) {
                        onCall = Optional.of(pagerDuty.get() + "/service-directory/" + value);
                    } else {
                        notes.add("Not kept: " + key + " '" + value + "'"
                                + (pagerDuty.isEmpty() ? " (give --pagerduty URL to link the service as on_call)."
                                        : " is not a PagerDuty service id."));
                    }
                }
                // a key for sending events to PagerDuty: a secret, never copied into a repository
                case PAGERDUTY_KEY -> notes.add("Not copied: " + key + " (a secret for sending events).");
                case DATADOG_DASHBOARD -> dashboard("Datadog dashboard", key, value);
                case GRAFANA_DASHBOARD -> dashboard("Grafana dashboard", key, value);
                default -> ignored.add(key);
            }
        }
        if (!ignored.isEmpty()) {
            notes.add("Other Backstage annotations, not kept: " + String.join(", ", ignored) + ".");
        }
    }

    private void dashboard(String title, String key, String url) {
        if (URL.matcher(url).matches()) {
            dashboards.add(new LinkDraft(title, url));
        } else {
            notes.add("Not kept: " + key + " '" + url + "' is not an http(s) URL.");
        }
    }

    /**
     * A link of {@code metadata.links} goes where its type, icon or title says (runbook,
     * dashboard, status, on-call or PagerDuty, docs, repository or source), first come first
     * kept; the rest become notes.
     */
    private void link(CatalogEntity.Link link) {
        String url = link.url().orElseThrow();
        String title = link.title().orElse(url);
        if (!URL.matcher(url).matches()) {
            notes.add("Not kept: link '" + title + "' (" + url + ") is not an http(s) URL.");
            return;
        }
        String words = String.join(" ", link.type().orElse(""), link.icon().orElse(""), link.title().orElse(""))
                .toLowerCase(Locale.ROOT);
        boolean kept;
        if (words.contains("runbook") || words.contains("playbook")) {
            kept = runbook.isEmpty();
            runbook = runbook.or(() -> Optional.of(url));
        } else if (words.contains("dashboard") || words.contains("grafana") || words.contains("datadog")) {
            dashboards.add(new LinkDraft(title, url));
            kept = true;
        } else if (words.contains("status")) {
            kept = statusPage.isEmpty();
            statusPage = statusPage.or(() -> Optional.of(url));
        } else if (words.contains("on-call") || words.contains("oncall") || words.contains("pagerduty")) {
            kept = onCall.isEmpty();
            onCall = onCall.or(() -> Optional.of(url));
        } else if (words.contains("doc")) {
            kept = documentation.isEmpty();
            documentation = documentation.or(() -> Optional.of(url));
        } else if (words.contains("repo") || words.contains("source") || words.contains("github")
                || words.contains("gitlab")) {
            kept = repository.isEmpty();
            repository = repository.or(() -> Optional.of(url));
        } else {
            kept = false;
        }
        if (!kept) {
            notes.add("Link not kept (no place for it in the Service Doc): " + title + " " + url);
        }
    }
}
