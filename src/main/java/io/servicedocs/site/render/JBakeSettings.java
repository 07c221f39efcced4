package io.servicedocs.site.render;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jbake.app.configuration.ConfigUtil;
import org.jbake.app.configuration.DefaultJBakeConfiguration;

/**
 * JBake's configuration, made in code: JBake's bundled defaults (default.properties in its jar)
 * plus our settings, and nothing else. JBake's own factory would also read jbake.properties and
 * custom.properties from the repository and every JVM system property; in a pull request such a
 * file could point the template or asset folder at .git or outside the repository, and the
 * configuration (system properties included) would reach the templates' model.
 */
final class JBakeSettings {

    private JBakeSettings() {
    }

    /** The configuration for rendering {@code repositoryRoot}'s site into {@code destination}. */
    static DefaultJBakeConfiguration create(Path repositoryRoot, Path destination) throws SiteException {
        CompositeConfiguration settings = new CompositeConfiguration();
        settings.setListDelimiterHandler(new DefaultListDelimiterHandler(ConfigUtil.LIST_DELIMITER));
        settings.addConfiguration(defaults());
        DefaultJBakeConfiguration config = new DefaultJBakeConfiguration(repositoryRoot.toFile(), settings);
        config.setDestinationFolder(destination.toFile());
        config.setClearCache(true);
        File root = repositoryRoot.toFile();
        config.setTemplateFolder(new File(root, "templates"));
        config.setContentFolder(new File(root, "content"));
        config.setAssetFolder(new File(root, "assets"));
        // Guides need no JBake header: every content page is a published page.
        config.setProperty("default.status", "published");
        config.setProperty("default.type", "page");
        return config;
    }

    /** JBake's default.properties, from the JBake jar (as JBake finds it). */
    private static PropertiesConfiguration defaults() throws SiteException {
        URL defaults = ConfigUtil.class.getClassLoader().getResource(ConfigUtil.DEFAULT_CONFIG_FILE);
        if (defaults == null) {
            throw new SiteException("JBake's " + ConfigUtil.DEFAULT_CONFIG_FILE + " is missing from the class path");
        }
        try {
            return new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
                    .configure(new Parameters().properties()
                            .setURL(defaults)
                            .setEncoding(ConfigUtil.DEFAULT_ENCODING)
                            .setThrowExceptionOnMissing(true)
                            .setListDelimiterHandler(new DefaultListDelimiterHandler(ConfigUtil.LIST_DELIMITER))
                            .setIncludesAllowed(false))
                    .getConfiguration();
        } catch (ConfigurationException e) {
            throw new SiteException("JBake's " + ConfigUtil.DEFAULT_CONFIG_FILE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
