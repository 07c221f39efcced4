package io.servicedocs.site.view;

import java.util.List;
import java.util.Optional;

/** A page-model record for the template engine's tests: it lives in the view package, as page models do. */
public record TestPageModel(String descriptionHtml, Optional<String> tier, List<TestPageModel> children,
                            TestStatus status) {

    public enum TestStatus { MET, NOT_MET }

    /** A method that is not a component: templates must not reach it. */
    public String secret() {
        return "not for templates";
    }
}
