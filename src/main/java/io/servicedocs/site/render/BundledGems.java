package io.servicedocs.site.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Asciidoctor gem that AsciidoctorJ bundles, as a JRuby load path:
 * {@code uri:classloader:/gems/asciidoctor-VERSION/lib}, read from the archive (or folder) that
 * holds AsciidoctorJ's classes, whatever version it bundles. JRuby runs without RubyGems
 * ({@link SecureAsciidoc#JRUBY_OPTIONS}), which only served to find it.
 *
 * <p>Asciidoctor needs no other gem in SECURE mode: the bundled ones serve what a document cannot
 * ask for there (a source highlighter, which SERVER and SECURE reserve to the API, and this tool
 * sets none; reading URIs; templates). Loading one would now fail (Rouge needs RubyGems through
 * YAML), so none is on the path.
 */
final class BundledGems {

    private static final String GEMS = "gems/";

    private BundledGems() {
    }

    /**
     * The load path of the Asciidoctor gem (the last in name order, should there be several).
     *
     * @throws IllegalStateException when AsciidoctorJ's classes are not in a readable archive or
     *                               folder, or it bundles no Asciidoctor
     */
    static List<String> loadPaths() {
        Path home;
        try {
            home = Path.of(org.asciidoctor.jruby.internal.JRubyAsciidoctor.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find the archive of AsciidoctorJ's classes: " + e.getMessage(), e);
        }
        TreeSet<String> gems = new TreeSet<>();
        try {
            if (Files.isDirectory(home)) {
                try (var folders = Files.list(home.resolve(GEMS))) {
                    folders.filter(f -> Files.isDirectory(f.resolve("lib")))
                            .forEach(f -> gems.add(f.getFileName().toString()));
                }
            } else {
                try (ZipFile archive = new ZipFile(home.toFile())) {
                    archive.stream().map(ZipEntry::getName).forEach(name -> gemOf(name).ifPresent(gems::add));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the gems bundled in " + home, e);
        }
        String asciidoctor = gems.stream().filter(gem -> gem.matches("asciidoctor-[0-9][0-9A-Za-z.]*"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no Asciidoctor gem under " + GEMS + " in " + home));
        return List.of("uri:classloader:/" + GEMS + asciidoctor + "/lib");
    }

    /** The gem folder of an entry {@code gems/NAME-VERSION/lib/...}. */
    static java.util.Optional<String> gemOf(String entry) {
        if (!entry.startsWith(GEMS)) {
            return java.util.Optional.empty();
        }
        int slash = entry.indexOf('/', GEMS.length());
        return slash > GEMS.length() && entry.startsWith("/lib/", slash)
                ? java.util.Optional.of(entry.substring(GEMS.length(), slash)) : java.util.Optional.empty();
    }
}
