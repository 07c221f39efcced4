package io.servicedocs.site.view;

import java.util.List;
import java.util.Optional;

/** A page-model record for the template engine's tests: it lives in the view package, as page models do. */
public record TestPageModel(String descriptionHtml, Optional<String> tier, List<TestPageModel> children,
                            TestStatus status) {

    public enum TestStatus { MET, NOT_MET }

    /** An enum whose constant has a body (a class of its own). */
    public enum TestKind {
        PLAIN,
        WITH_BODY {
            @Override
            public String toString() {
                return "body";
            }
        }
    }

    /** A page-model record that is also a container: FreeMarker wraps it as one, not as a hash. */
    public record Names(List<String> names) implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return names.iterator();
        }
    }

    /** A method that is not a component: templates must not reach it. */
    public String secret() {
        return "not for templates";
    }
}
