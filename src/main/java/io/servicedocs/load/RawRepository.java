package io.servicedocs.load;

import io.servicedocs.model.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every YAML file of a repository but the products', parsed but not yet checked: the standard's
 * files, the product folders (each read when it is checked, {@link RepositoryReader#readProduct},
 * so that the trees of thousands of products are never all alive at once), the cost settings present in standards/, the cost-data month files (sorted by
 * path), the campaign files of standards/campaigns/ (sorted by path), and the diagnostics of files that could not be read or parsed.
 */
public record RawRepository(Optional<YamlDocument> site, Map<FileKind, YamlDocument> standard,
                            List<String> productFolders, Map<FileKind, YamlDocument> costSettings,
                            List<YamlDocument> costMonths, List<YamlDocument> campaigns, List<Diagnostic> diagnostics) {

    public RawRepository {
        standard = Map.copyOf(standard);
        productFolders = List.copyOf(productFolders);
        costSettings = Map.copyOf(costSettings);
        costMonths = List.copyOf(costMonths);
        campaigns = List.copyOf(campaigns);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Without campaigns: standards/campaigns/ is optional. */
    public RawRepository(Optional<YamlDocument> site, Map<FileKind, YamlDocument> standard, List<String> productFolders,
                         Map<FileKind, YamlDocument> costSettings, List<YamlDocument> costMonths,
                         List<Diagnostic> diagnostics) {
        this(site, standard, productFolders, costSettings, costMonths, List.of(), diagnostics);
    }

    /** The parsed files of one product folder; a file that is missing or unparseable is absent. */
    public record RawProduct(String folder, Map<FileKind, YamlDocument> files) {

        public RawProduct {
            files = Map.copyOf(files);
        }

        public Optional<YamlDocument> file(FileKind kind) {
            return Optional.ofNullable(files.get(kind));
        }
    }

    /** A product folder read: its files, and the diagnostics of those that could not be read or parsed. */
    public record ProductRead(RawProduct product, List<Diagnostic> diagnostics) {

        public ProductRead {
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
