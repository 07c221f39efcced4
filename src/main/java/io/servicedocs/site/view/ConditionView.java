package io.servicedocs.site.view;

import io.servicedocs.model.AppliesIf;

/**
 * One of the standard's conditions on an item, as pages print it: a message chosen by its kind
 * around the value in code ("applies when the Service Doc sets data_stores", "tagged pci").
 *
 * @param kind service_doc or tag: the key of the condition in quality-items.yaml
 * @param value the Service Doc field ('data_stores') or the tag ('pci')
 */
public record ConditionView(String kind, String value) {

    static ConditionView of(AppliesIf condition) {
        return condition.serviceDoc().map(f -> new ConditionView("service_doc", f.path()))
                .orElseGet(() -> new ConditionView("tag", condition.tag().orElseThrow()));
    }
}
