package io.servicedocs.load;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The {@code if}/{@code then}/{@code else} keywords of draft 2020-12, as the validator's own
 * {@code IfValidator} applies them, except that a condition of a plain form is decided by reading
 * the instance instead of being validated as a schema.
 *
 * <p>Why: a condition is false for most instances (most assessment items are not marked
 * not-applicable, most security answers are not "not-applicable", most cost elements are not of
 * the provider each condition names), and the validator builds a full error, message and all, for
 * each false condition before it drops it; its {@code const} errors even serialise both values to
 * JSON text. At 1,000 products that was ~100,000 errors thrown away and, measured side by side,
 * 3.39 s -> 3.08 s of a {@code validate} (issue 15).
 *
 * <p>The plain forms are those of schemas/: a mapping of the keywords {@code required} (names),
 * {@code properties} (each property's schema exactly {@code {const: v}} with v a text, a boolean
 * or null) and {@code not} (of a plain form). Each is decided as the specification defines it:
 * {@code required} and {@code properties} hold for an instance that is not a mapping, a missing
 * property satisfies its {@code properties} schema, and {@code const} is JSON equality (for texts,
 * booleans and null, equality of the same node type). Any other condition (a number in {@code const},
 * another keyword, an annotation) is validated as the validator does it, so the result never
 * depends on which path decided it: ConditionKeywordTest checks both on the same documents.
 * No schema here uses {@code unevaluatedProperties} or {@code unevaluatedItems}, for which the
 * annotations a condition collects would matter; a condition under either is validated too.
 */
final class ConditionKeyword implements Keyword {

    @Override
    public String getValue() {
        return KeywordType.IF_THEN_ELSE.getValue();
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation schemaLocation, JsonNode schemaNode, Schema parentSchema,
                                         SchemaContext schemaContext) {
        return new ConditionValidator(schemaLocation, schemaNode, parentSchema, schemaContext);
    }

    /** The condition decided on the instance, or empty when it is not of a plain form. */
    static Optional<Predicate<JsonNode>> plain(JsonNode condition) {
        if (condition == null || !condition.isObject() || condition.isEmpty()) {
            return Optional.empty();
        }
        List<Predicate<JsonNode>> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> keyword : condition.properties()) {
            JsonNode value = keyword.getValue();
            switch (keyword.getKey()) {
                case "required" -> {
                    if (!value.isArray()) {
                        return Optional.empty();
                    }
                    List<String> names = new ArrayList<>();
                    for (JsonNode name : value) {
                        if (!name.isString()) {
                            return Optional.empty();
                        }
                        names.add(name.stringValue());
                    }
                    parts.add(instance -> !instance.isObject() || names.stream().allMatch(instance::has));
                }
                case "properties" -> {
                    if (!value.isObject()) {
                        return Optional.empty();
                    }
                    for (Map.Entry<String, JsonNode> property : value.properties()) {
                        JsonNode schema = property.getValue();
                        JsonNode constant = schema.isObject() && schema.size() == 1 ? schema.get("const") : null;
                        if (constant == null || !(constant.isString() || constant.isBoolean() || constant.isNull())) {
                            return Optional.empty();
                        }
                        String name = property.getKey();
                        parts.add(instance -> !instance.isObject() || !instance.has(name)
                                || constant.equals(instance.get(name)));
                    }
                }
                case "not" -> {
                    Optional<Predicate<JsonNode>> inner = plain(value);
                    if (inner.isEmpty()) {
                        return Optional.empty();
                    }
                    parts.add(inner.get().negate());
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(instance -> {
            for (Predicate<JsonNode> part : parts) {
                if (!part.test(instance)) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * The keyword's validator: {@code IfValidator}'s (json-schema-validator 3.0.9, Apache License
     * 2.0) with the plain conditions decided by {@link #plain}.
     */
    static final class ConditionValidator extends BaseKeywordValidator {

        private final Schema ifSchema;
        private final Schema thenSchema;
        private final Schema elseSchema;
        /** The condition decided on the instance; null when it is validated as a schema. */
        private final Predicate<JsonNode> plainCondition;

        ConditionValidator(SchemaLocation schemaLocation, JsonNode schemaNode, Schema parentSchema,
                           SchemaContext schemaContext) {
            super(KeywordType.IF_THEN_ELSE, schemaNode, schemaLocation, parentSchema, schemaContext);
            JsonNode parent = parentSchema.getSchemaNode();
            this.ifSchema = schemaContext.newSchema(parentSchema.getSchemaLocation().append("if"), parent.get("if"),
                    parentSchema);
            this.thenSchema = subschema(parentSchema, schemaContext, "then");
            this.elseSchema = subschema(parentSchema, schemaContext, "else");
            this.plainCondition = plain(parent.get("if")).orElse(null);
        }

        private static Schema subschema(Schema parentSchema, SchemaContext schemaContext, String keyword) {
            JsonNode node = parentSchema.getSchemaNode().get(keyword);
            return node == null ? null
                    : schemaContext.newSchema(parentSchema.getSchemaLocation().append(keyword), node, parentSchema);
        }

        @Override
        public void validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
                             NodePath instanceLocation) {
            boolean passed = plainCondition != null && !hasUnevaluatedPropertiesInEvaluationPath(executionContext)
                    && !hasUnevaluatedItemsInEvaluationPath(executionContext)
                    ? plainCondition.test(node)
                    : validatedCondition(executionContext, node, rootNode, instanceLocation);
            Schema branch = passed ? thenSchema : elseSchema;
            if (branch == null) {
                return;
            }
            // as IfValidator: the branch is evaluated under "then" or "else" in place of "if"
            executionContext.evaluationPathRemoveLast();
            executionContext.evaluationPathAddLast(passed ? "then" : "else");
            try {
                branch.validate(executionContext, node, rootNode, instanceLocation);
            } finally {
                executionContext.evaluationPathRemoveLast();
                executionContext.evaluationPathAddLast("if");
            }
        }

        /** The condition validated as a schema, as IfValidator does (never failing fast inside it). */
        private boolean validatedCondition(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
                                           NodePath instanceLocation) {
            boolean failFast = executionContext.isFailFast();
            List<Error> existingErrors = executionContext.getErrors();
            List<Error> test = new ArrayList<>();
            executionContext.setErrors(test);
            try {
                executionContext.setFailFast(false);
                ifSchema.validate(executionContext, node, rootNode, instanceLocation);
                return test.isEmpty();
            } finally {
                executionContext.setErrors(existingErrors);
                executionContext.setFailFast(failFast);
            }
        }

        @Override
        public void preloadSchema() {
            ifSchema.initializeValidators();
            if (thenSchema != null) {
                thenSchema.initializeValidators();
            }
            if (elseSchema != null) {
                elseSchema.initializeValidators();
            }
        }
    }
}
