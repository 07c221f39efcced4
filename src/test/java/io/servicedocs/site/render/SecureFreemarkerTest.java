package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.servicedocs.site.view.TestPageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFreemarkerTest {

    @TempDir
    Path dir;

    private String render(String template, Map<String, Object> model) throws IOException, SiteException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("page.ftl"), template);
        StringWriter out = new StringWriter();
        new SecureFreemarker(templates).render("page.ftl", model, out, "page.html");
        return out.toString();
    }

    private SiteException refused(String template, Map<String, Object> model) {
        return assertThrows(SiteException.class, () -> render(template, model));
    }

    @Test
    void rendersMapsListsTextNumbersBooleansAndDates() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("page", SecureFreemarker.wrap(Map.of("title", "Costs", "items", List.of(1, 2), "ok", true)));
        model.put("when", new java.util.Date(0));
        assertEquals("Costs 1,2 yes 1970", render("${page.title} <#list page.items as i>${i}<#sep>,</#list> "
                + "${page.ok?string('yes', 'no')} ${when?string('yyyy')}", model));
    }

    @Test
    void newOfAnyClassIsRefusedWithTheTemplateLine() {
        for (String type : List.of("freemarker.template.utility.Execute", "freemarker.template.utility.ObjectConstructor",
                "freemarker.template.utility.JythonRuntime", "freemarker.template.SimpleHash")) {
            SiteException e = refused("first line\n<#assign x=\"" + type + "\"?new()>${x}", Map.of());
            assertTrue(e.getMessage().startsWith("templates/page.ftl:2: "), e.getMessage());
            assertTrue(e.getMessage().contains("Instantiating " + type + " is not allowed in the template for security reasons"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("(rendering page.html)"), e.getMessage());
        }
    }

    @Test
    void javaObjectsOfTheModelShowNoMembers() {
        // A type that is not a map, list, text, number, boolean or date is refused, not bean-wrapped.
        Map<String, Object> model = Map.of("day", LocalDate.of(2026, 11, 24),
                "page", SecureFreemarker.wrap(Map.of("day", LocalDate.of(2026, 11, 24))));
        for (String template : List.of("${day}", "${day.year}", "${day.getClass()}", "${page.day.year}",
                "${page.day.getClass().getName()}", "${page?api.get('day')}", "${page.getClass()}")) {
            SiteException e = refused(template, model);
            assertTrue(e.getMessage().startsWith("templates/page.ftl:1: "), template + ": " + e.getMessage());
        }
    }

    @Test
    void pageModelRecordsShowTheirComponentsUnderTheirJsonNamesAndNothingElse() throws Exception {
        var child = new TestPageModel("<p>c</p>", Optional.empty(), List.of(), TestPageModel.TestStatus.NOT_MET);
        var page = new TestPageModel("<p>x</p>", Optional.of("gold"), List.of(child), TestPageModel.TestStatus.MET);
        Map<String, Object> model = Map.of("page", page);
        assertEquals("<p>x</p> gold met | none not_met | description_html,tier,children,status",
                render("${page.description_html} ${page.tier} ${page.status} <#list page.children as c>| "
                        + "${c.tier!'none'} ${c.status}</#list> | <#list page?keys as k>${k}<#sep>,</#list>", model));
        for (String template : List.of("${page.secret()}", "${page.secret}", "${page.descriptionHtml}",
                "${page.getClass()}", "${page?api.secret()}", "${page.children[0].toString()}")) {
            refused(template, model);
        }
        // a record that is not a page model (not of the view package) is refused like any other object
        record Elsewhere(String name) {
        }
        SiteException e = refused("${x.name}", Map.of("x", new Elsewhere("n")));
        assertTrue(e.getMessage().contains("not available to templates"), e.getMessage());
    }

    @Test
    void enumsAreTheirLowerCaseNamesAndContainerRecordsStayContainers() throws Exception {
        Map<String, Object> model = Map.of("plain", TestPageModel.TestKind.PLAIN,
                "body", TestPageModel.TestKind.WITH_BODY, "status", Optional.of(TestPageModel.TestStatus.NOT_MET),
                "names", SecureFreemarker.wrap(new TestPageModel.Names(List.of("a", "b"))), "none", Optional.empty(), "text", Optional.of("t"));
        assertEquals("plain with_body a,b t -", render("${plain} ${body} <#list names as n>${n}<#sep>,</#list> ${text} ${none!'-'}",
                model));
        assertEquals("plain with_body", render("${plain} ${body}", Map.of("plain", SecureFreemarker.wrap(TestPageModel.TestKind.PLAIN),
                "body", SecureFreemarker.wrap(TestPageModel.TestKind.WITH_BODY))));
        // a record that is a container is not a hash of its components
        refused("${names.names}", model);
        // an enum inside an optional is refused, as it always was
        refused("${status}", model);
    }

    @Test
    void templatesAreReadFromTemplatesOnly() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "canary-secret");
        Files.createDirectories(dir.resolve("templates"));
        Files.createSymbolicLink(dir.resolve("templates/linked.ftl"), secret);
        for (String include : List.of("/../secret.txt", "../secret.txt", secret.toString(), "linked.ftl",
                "file://" + secret)) {
            SiteException e = refused("\n\n<#include \"" + include + "\">", Map.of());
            assertTrue(e.getMessage().startsWith("templates/page.ftl:3: "), include + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("canary-secret"), e.getMessage());
        }
        assertTrue(refused("<#include \"linked.ftl\">", Map.of()).getMessage()
                .contains("templates/linked.ftl is a link to a place outside templates/"));
        Files.writeString(dir.resolve("templates/part.ftl"), "part");
        // the main template itself, through a link
        Path templates = dir.resolve("templates");
        SiteException main = assertThrows(SiteException.class,
                () -> new SecureFreemarker(templates).render("linked.ftl", Map.of(), new StringWriter(), "x.html"));
        assertTrue(main.getMessage().contains("templates/linked.ftl is a link to a place outside templates/"),
                main.getMessage());
    }

    @Test
    void settingsThatMatterCannotBeChangedFromATemplate() {
        for (String setting : List.of("new_builtin_class_resolver=\"unrestricted\"", "api_builtin_enabled=true",
                "object_wrapper=\"beans\"", "template_loader=\"file:///\"")) {
            SiteException e = refused("<#setting " + setting + ">", Map.of());
            assertTrue(e.getMessage().startsWith("templates/page.ftl:1: "), e.getMessage());
        }
    }

    /** Strings compare by the locale's collator, as FreeMarker does, also when the answers are remembered. */
    @Test
    void stringsCompareAsTheLocalesCollatorSays() throws Exception {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.getDefault());
        String controlled = "a\u0001b"; // a control character the collator ignores: not equals(), yet ==
        String expected = (collator.compare(controlled, "ab") == 0 ? "same" : "apart") + " apart same a,b,B "
                + List.of("b", "a", "B", "á").stream().sorted(collator).toList();
        String template = "<#if x == y>same<#else>apart</#if> <#if x == \"abc\">same<#else>apart</#if> "
                + "<#switch y><#case \"ab\">same<#break><#default>apart</#switch> "
                + "<#list [\"B\", \"b\", \"a\"]?reverse as s>${s}<#sep>,</#list> [<#list [\"b\", \"a\", \"B\", \"á\"]?sort as s>${s}<#sep>, </#list>]";
        Map<String, Object> model = Map.of("x", controlled, "y", "ab");
        assertEquals(expected, render(template, model));
        // again, with the answers remembered
        Path templates = dir.resolve("templates");
        SecureFreemarker engine = new SecureFreemarker(templates);
        for (int i = 0; i < 2; i++) {
            StringWriter out = new StringWriter();
            engine.render("page.ftl", model, out, "page.html");
            assertEquals(expected, out.toString());
        }
    }
}
