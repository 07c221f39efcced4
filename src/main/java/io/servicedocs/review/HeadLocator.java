package io.servicedocs.review;

import io.servicedocs.load.YamlDocument;
import io.servicedocs.load.YamlReader;
import io.servicedocs.model.Position;
import io.servicedocs.review.ReviewReport.Place;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the line and column of a node in the head's files, so that annotations sit on the change. */
final class HeadLocator {

    private final SnapshotSource head;
    private final YamlReader reader = new YamlReader();
    private final Map<String, Optional<YamlDocument>> documents = new HashMap<>();

    HeadLocator(SnapshotSource head) {
        this.head = head;
    }

    Place place(String file, String pointer) {
        Optional<YamlDocument> doc = documents.computeIfAbsent(file, this::parse);
        return new Place(file, doc.map(d -> d.locate(pointer)).orElse(Position.START));
    }

    private Optional<YamlDocument> parse(String file) {
        try {
            return reader.read(file, head.read(file, io.servicedocs.load.FileKind.maxBytes(file))).document();
        } catch (IOException | SourceException e) {
            return Optional.empty(); // the file's own problem is among the head's diagnostics
        }
    }
}
