package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of file has its size limit: cost-data months are larger than hand-written files. */
class FileSizeLimitTest {

    @TempDir
    Path dir;

    /** A month file of about {@code bytes} bytes: many short lines. */
    static String month(String source, String month, long bytes) {
        StringBuilder yaml = new StringBuilder("source: " + source + "\nmonth: \"" + month + "\"\nstatus: final\n"
                + "basis: AmortizedCost\nretrieved: 2026-11-05T03:00:00Z\ncosts:\n");
        for (int i = 0; yaml.length() < bytes; i++) {
            yaml.append("  - element:\n      provider: aws\n      id: \"").append(String.format("%012d", i))
                    .append("\"\n    amount: 1.00\n    currency: USD\n");
        }
        return yaml.toString();
    }

    @Test
    void theParserReadsMoreThanSnakeYamlsDefaultOfThreeMebiCodePoints() {
        byte[] bytes = month("aws", "2026-10", 4L * 1024 * 1024).getBytes(StandardCharsets.UTF_8);

        YamlReader.Result result = new YamlReader().read("cost-data/aws/2026-10.yaml", bytes);

        assertEquals(java.util.Optional.empty(), result.problem());
        assertTrue(result.document().orElseThrow().root().get("costs").size() > 40_000);
    }

    @Test
    void aCostMonthOverOneMebibyteIsReadAndAServiceDocIsNot() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path month = repo.resolve("cost-data/aws/2026-10.yaml");
        Files.createDirectories(month.getParent());
        Files.writeString(month, month("aws", "2026-10", 2L * 1024 * 1024));
        Path serviceDoc = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(serviceDoc, Files.readString(serviceDoc) + "#" + "x".repeat(1024 * 1024) + "\n");

        RepositoryReader reader = new RepositoryReader();
        WorkingTreeSource source = new WorkingTreeSource(repo);
        RawRepository read = reader.read(source);
        // the product folders are read one by one, as validation checks them
        List<Diagnostic> diagnostics = new java.util.ArrayList<>(read.diagnostics());
        read.productFolders().forEach(folder -> diagnostics.addAll(
                reader.readProduct(source, folder).diagnostics()));

        assertEquals(1, read.costMonths().size(), "the 2 MiB month is read");
        List<Diagnostic> tooLarge = diagnostics.stream().filter(d -> d.rule().equals("file-too-large")).toList();
        assertEquals(1, tooLarge.size(), diagnostics.toString());
        assertEquals("products/alpha/service-doc.yaml", tooLarge.get(0).file());
        assertTrue(tooLarge.get(0).message().contains("expected at most 1048576 bytes"), tooLarge.get(0).message());
    }
}
