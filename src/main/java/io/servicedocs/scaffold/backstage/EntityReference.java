package io.servicedocs.scaffold.backstage;

import java.util.Locale;
import java.util.Optional;

/**
 * A Backstage entity reference as {@code spec.owner}, {@code spec.system} and
 * {@code spec.dependsOn} write it: {@code [kind:][namespace/]name}, e.g. {@code group:default/platform-team}.
 *
 * @param kind lowercase; empty when the reference leaves it to the field's default
 */
public record EntityReference(Optional<String> kind, String namespace, String name) {

    public static EntityReference parse(String reference) {
        String rest = reference.strip();
        Optional<String> kind = Optional.empty();
        int colon = rest.indexOf(':');
        if (colon > 0) {
            kind = Optional.of(rest.substring(0, colon).toLowerCase(Locale.ROOT));
            rest = rest.substring(colon + 1);
        }
        String namespace = "default";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        return new EntityReference(kind, namespace, rest);
    }
}
