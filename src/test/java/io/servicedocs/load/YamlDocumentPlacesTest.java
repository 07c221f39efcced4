package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.model.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Where locate and locateKey point, by the places kept beside the tree, and that a released
 * document (its tree dropped once its file was checked) points at exactly the same places.
 */
class YamlDocumentPlacesTest {

    private static final String TEXT = """
            id: alpha
            owners:
              team: a-team
              contacts:
                - name: Ann
                  email: ann@example.com
                - {name: Bob}
            "a/b~c": 1
            empty_map: {}
            empty_list: []
            "0": zero
            """;

    private static YamlDocument read(String text) {
        return new YamlReader().read("f.yaml", text.getBytes(StandardCharsets.UTF_8)).document().orElseThrow();
    }

    @Test
    void aScalarIsPlacedAtItsValueAndAContainerAtItsKey() {
        YamlDocument doc = read(TEXT);
        assertEquals(new Position(1, 5), doc.locate("/id"));
        assertEquals(new Position(2, 1), doc.locate("/owners"));
        assertEquals(new Position(3, 9), doc.locate("/owners/team"));
        assertEquals(new Position(4, 3), doc.locate("/owners/contacts"));
        assertEquals(new Position(5, 13), doc.locate("/owners/contacts/0/name"));
        assertEquals(new Position(5, 7), doc.locate("/owners/contacts/0"), "an element has no key: its value");
        assertEquals(new Position(7, 14), doc.locate("/owners/contacts/1/name"));
        assertEquals(new Position(8, 10), doc.locate("/a~1b~0c"), "'/' and '~' escaped as RFC 6901 says");
        assertEquals(new Position(9, 1), doc.locate("/empty_map"));
        assertEquals(new Position(11, 6), doc.locate("/0"), "a key of digits in a mapping is a name");
        assertEquals(new Position(1, 1), doc.locate(""));
    }

    @Test
    void aMissingNodeFallsBackToItsNearestAncestorAndAKeyToItsNode() {
        YamlDocument doc = read(TEXT);
        assertEquals(new Position(2, 1), doc.locate("/owners/chat"));
        assertEquals(new Position(4, 3), doc.locate("/owners/contacts/2/name"), "no third contact");
        assertEquals(new Position(4, 3), doc.locate("/owners/contacts/01"), "an index is written without a zero before it");
        assertEquals(new Position(1, 1), doc.locate("/a/b~c"), "'~c' escapes nothing");
        assertEquals(new Position(3, 9), doc.locate("/owners/team/x"), "a scalar has no children");
        assertEquals(new Position(3, 3), doc.locateKey("/owners/team"));
        assertEquals(new Position(8, 1), doc.locateKey("/a~1b~0c"));
        assertEquals(new Position(5, 13), doc.locateKey("/owners/contacts/0/name/x"), "no such key: the node's place");
        assertEquals(new Position(5, 7), doc.locateKey("/owners/contacts/0"), "an element has no key: its value");
    }

    @Test
    void aReleasedDocumentPointsAtTheSamePlacesForEveryPointer() {
        YamlDocument doc = read(TEXT);
        YamlDocument released = doc.released();
        List<String> pointers = new ArrayList<>();
        pointers(doc.root(), "", pointers);
        pointers.addAll(List.of("/missing", "/owners/contacts/2", "/owners/contacts/01", "/owners/contacts/-1",
                "/a/b~c", "/owners/team/x", "/empty_list/0", "no-slash", "/owners/", "/~2"));
        for (String pointer : pointers) {
            assertEquals(doc.locate(pointer), released.locate(pointer), pointer);
            assertEquals(doc.locateKey(pointer), released.locateKey(pointer), pointer);
        }
        assertEquals(24, pointers.size()); // the 14 nodes and 10 that are none
        assertEquals("f.yaml", released.path());
        IllegalStateException gone = assertThrows(IllegalStateException.class, released::root);
        assertEquals("the tree of f.yaml was released after its checks; only its places are kept", gone.getMessage());
    }

    @Test
    void aTranslatedTextStandsWhereItsChosenTextStandsAlsoWhenReleased() {
        YamlDocument doc = read("title:\n  en: Camera\n  ja: カメラ\ncompany: Hoshimi\n");
        YamlDocument resolved = Translations.resolve(FileKind.SITE, doc,
                new Translations.Language("ja", "en")).document();
        assertEquals("カメラ", resolved.root().path("title").asString());
        assertEquals(new Position(3, 7), resolved.locate("/title"), "the chosen text's place");
        assertEquals(new Position(1, 1), resolved.locateKey("/title"));
        assertEquals(new Position(3, 7), resolved.released().locate("/title/ja"), "the entries went with the mapping");
        assertEquals(new Position(4, 10), resolved.released().locate("/company"));
        assertEquals(new Position(1, 1), doc.released().locate("/title"), "as written: the mapping's key");
        assertEquals(new Position(3, 7), doc.released().locate("/title/ja"));
    }

    private static void pointers(JsonNode node, String at, List<String> into) {
        into.add(at);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                pointers(property.getValue(), YamlDocument.child(at, property.getKey()), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), YamlDocument.child(at, i), into);
            }
        }
    }
}
