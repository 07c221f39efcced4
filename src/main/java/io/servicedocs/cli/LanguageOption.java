package io.servicedocs.cli;

import io.servicedocs.load.Translations;
import io.servicedocs.site.render.Messages;
import io.servicedocs.source.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --language option of build, serve and validate: the site in another language than site.yaml's. */
final class LanguageOption {

    @Option(names = "--language", paramLabel = "LANG",
            description = "Read and show the repository in this language instead of site.yaml's 'language', e.g. ja: "
                    + "the interface strings of templates/i18n/messages_LANG.properties, the LANG text of every "
                    + "translatable name and description, and the guides of content/LANG/.")
    String language;

    /**
     * The language asked for, when it has interface strings in the repository.
     *
     * @throws UsageException (exit status 2) when it is not a language code or templates/i18n has no bundle for it
     */
    Optional<String> checked(Path repositoryRoot) throws IOException, UsageException {
        if (language == null) {
            return Optional.empty();
        }
        List<String> languages = Messages.languages(new RepositoryFiles(repositoryRoot));
        String available = languages.isEmpty() ? "none has interface strings there"
                : "languages with interface strings: " + String.join(", ", languages);
        if (!Translations.LANGUAGE_CODE.matcher(language).matches()) {
            throw new UsageException("--language '" + language + "' is not a language code; expected a lower-case "
                    + "ISO 639-1 code, optionally with a region (e.g. ja, pt-BR); " + available);
        }
        if (!languages.contains(language)) {
            throw new UsageException("--language '" + language + "': templates/i18n has no messages_" + language
                    + ".properties, so the site has no interface strings in it; " + available);
        }
        return Optional.of(language);
    }
}
