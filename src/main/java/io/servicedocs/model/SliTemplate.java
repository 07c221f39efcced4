package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SLI template of standards/sli-templates.yaml: how the company measures one kind of SLI
 * (availability, latency) the same way for every product, as a ratio of good to total events,
 * with its Prometheus counter expressions and its Datadog metric queries. Queries name their
 * parameters {{name}}; a product gives plain label values for them.
 */
public record SliTemplate(String id, String title, String description, List<Parameter> parameters,
                          Queries prometheus, Queries datadog) {

    /** A placeholder in a query: {{name}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]{0,31})}}");

    public SliTemplate {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /**
     * A parameter and the form its values must have. The forms admit no quote, brace, comma,
     * backslash or space: a value put in place of {{name}} stays one label value and can never
     * end the PromQL string or Datadog tag it stands in, nor add a matcher.
     */
    public record Parameter(String name, Kind kind, String description) {

        public enum Kind {
            @JsonProperty("label") LABEL(Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}"),
                    "a plain label value: a letter or digit, then letters, digits and _ . : / - (at most 128 characters)"),
            @JsonProperty("number") NUMBER(Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?"),
                    "a decimal number such as 0.5");

            private final Pattern form;
            private final String described;

            Kind(Pattern form, String described) {
                this.form = form;
                this.described = described;
            }

            public boolean admits(String value) {
                return form.matcher(value).matches();
            }

            /** The form, as messages say it. */
            public String described() {
                return described;
            }
        }
    }

    /** The numerator and denominator queries of one data source's form. */
    public record Queries(String good, String total) {
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * {@code query} with each {{name}} replaced by its value. The values must have been checked
     * against their parameter's form ({@link Parameter.Kind#admits}); a placeholder without a
     * value is an error of the caller.
     *
     * @throws IllegalArgumentException when a placeholder has no value or a value is not of its form
     */
    public String expand(String query, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            Parameter parameter = parameter(name).orElseThrow(() ->
                    new IllegalArgumentException("template " + id + " has no parameter " + name));
            if (value == null || !parameter.kind().admits(value)) {
                throw new IllegalArgumentException("no valid value for {{" + name + "}} of template " + id);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
