package io.servicedocs.site.view;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a page-model record made only from the record's other components, the page's
 * path, the site's messages and the tool itself (e.g. a chart drawn from the months the record
 * lists): the fingerprint of a page for the build cache ({@code PageReuse}) does not hash it, as
 * the rest of its inputs already decide it. Hashing a product's cost charts was a quarter of the
 * bytes of its page's fingerprint (issue 15). Only for values that truly follow from those: a
 * component that reads anything else must not carry it, or a page would be copied from the last
 * build when it should change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Derived {
}
