package io.eventflux.launcher.internal.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The mappers of the configuration file's formats. The launcher bundle imports their packages dynamically
 * (bnd.bnd): a command that reads no configuration file runs without jackson-dataformat-toml, -yaml and
 * snakeyaml, which the launcher then leaves out of the bundles it installs at boot. Only this class names
 * them, so that {@link ConfigLoader} links without them.
 */
final class ConfigFormats {
    private ConfigFormats() {
    }

    static ObjectMapper toml() {
        return new TomlMapper();
    }

    static ObjectMapper yaml() {
        return new YAMLMapper();
    }
}
