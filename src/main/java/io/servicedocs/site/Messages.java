package io.servicedocs.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The interface strings of the site in one language, from the resource bundle
 * templates/i18n/messages_&lt;language&gt;.properties (UTF-8). Templates read them as {@code t['key']}.
 */
public final class Messages {

    private Messages() {
    }

    public static Path bundle(Path templates, String language) {
        return templates.resolve("i18n").resolve("messages_" + language + ".properties");
    }

    public static Map<String, String> load(Path templates, String language) throws IOException {
        Path file = bundle(templates, language);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no interface strings for language '" + language + "'");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((k, v) -> messages.put((String) k, (String) v));
        return messages;
    }
}
