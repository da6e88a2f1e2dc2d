package vn.egov.dossier.dataprotection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.commons.crypto.AesGcmSealer;

/** The data key of dossier-service: the one sealer of form data and document bytes at rest. */
@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    @Bean
    AesGcmSealer dossierDataSealer(DataProtectionProperties properties) {
        if (properties.dataKey() == null || properties.dataKey().isBlank()) {
            throw new IllegalStateException("egov.dossier.data-key (DOSSIER_DATA_KEY) is not set");
        }
        return new AesGcmSealer(properties.dataKeyId(), properties.dataKey(), properties.previousDataKeys());
    }
}
