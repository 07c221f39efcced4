package io.servicedocs.site.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The Asciidoctor gem that AsciidoctorJ bundles, as a JRuby load path:
 * {@code uri:classloader:/gems/asciidoctor-VERSION/lib}, VERSION being the one AsciidoctorJ
 * publishes in {@code META-INF/asciidoctorj-version.properties}. JRuby runs without RubyGems
 * ({@link SecureAsciidoc#JRUBY_OPTIONS}), which only served to find it.
 *
 * <p>Asciidoctor needs no other gem in SECURE mode: the bundled ones serve what a document cannot
 * ask for there (a source highlighter, which SERVER and SECURE reserve to the API, and this tool
 * sets none; reading URIs; templates). Loading one would now fail (Rouge needs RubyGems through
 * YAML), so none is on the path.
 */
final class BundledGems {

    private static final String VERSIONS = "/META-INF/asciidoctorj-version.properties";
    private static final String VERSION = "version.asciidoctor";

    private BundledGems() {
    }

    /**
     * The load path of the bundled Asciidoctor gem.
     *
     * @throws IllegalStateException when AsciidoctorJ names no Asciidoctor version, or its gem is
     *                               not where that version says
     */
    static List<String> loadPaths() {
        Class<?> asciidoctorJ = org.asciidoctor.jruby.internal.JRubyAsciidoctor.class;
        Properties versions = new Properties();
        try (InputStream in = asciidoctorJ.getResourceAsStream(VERSIONS)) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read AsciidoctorJ's " + VERSIONS, e);
        }
        String version = versions.getProperty(VERSION, "").trim();
        String lib = "gems/asciidoctor-" + version + "/lib";
        if (!version.matches("[0-9][0-9A-Za-z.]*") || asciidoctorJ.getResource("/" + lib + "/asciidoctor.rb") == null) {
            throw new IllegalStateException("AsciidoctorJ's " + VERSIONS + " gives Asciidoctor version '" + version
                    + "', and no " + lib + "/asciidoctor.rb is on the class path");
        }
        return List.of("uri:classloader:/" + lib);
    }
}
