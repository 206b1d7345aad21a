package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.rules.internal.SourceLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DefaultPackFilesTest {

    @Test
    void shouldLoadEveryDrlFileOfTheDefaultFolderWhenTheDefaultPackIsAdded() throws Exception {
        URL folder = DroolsRuleEngine.class.getClassLoader().getResource(SourceLoader.DEFAULT_PACK);
        assertThat(folder).as("the default pack folder on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")))
                    .containsExactlyInAnyOrderElementsOf(SourceLoader.DEFAULT_FILES);
        }
    }

    @Test
    void shouldStartEveryDefaultRuleNameWithACampaignIdWhenTheDefaultPackIsBuilt() {
        assertThat(Shop.DEFAULT_RULES.ruleNames()).allMatch(name -> name.matches("[A-Z]+-\\d{2} .+"));
    }
}
