package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.award;
import static dev.loyalty.rules.Shop.awards;
import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static dev.loyalty.rules.Shop.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.model.MemberId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCampaignsTest {

    private static final String BASE = MalformedDrlTest.HEADER + """
            rule "D-BASE two points per pound"
            when
                $p : Purchase( )
            then
                earn.base($p, 2, "2 points per pound");
            end
            """;

    private static final String SHOES = MalformedDrlTest.HEADER + """
            rule "D-SHOES shoes bonus"
            when
                $l : PurchaseLine( category == "shoes" )
            then
                earn.bonus($l, 1, "1 extra point per pound on shoes");
            end
            """;

    @Test
    void shouldCompileEveryDrlFileWhenTheyAreSpreadOverSubDirectories(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.drl"), BASE);
        Files.createDirectories(dir.resolve("spring"));
        Files.writeString(dir.resolve("spring").resolve("shoes.drl"), SHOES);
        Files.writeString(dir.resolve("README.txt"), "ignored");

        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(dir).build();
             LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");
            Outcome outcome = engine.process(purchase(member, london("2024-03-05T12:00")).line("S-1", "shoes", 1, gbp("30.00")).build());

            assertThat(awards(outcome)).containsExactly(award("D-BASE two points per pound", 60), award("D-SHOES shoes bonus", 30));
        }
    }

    @Test
    void shouldNameTheFileByItsPathWhenADirectoryFileIsBroken(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.drl"), BASE);
        Path broken = dir.resolve("broken.drl");
        Files.writeString(broken, SHOES.replace("category", "colour"));

        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class,
                () -> DroolsRuleEngine.builder().directory(dir).build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo(broken.toString());
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.rule()).isEqualTo("D-SHOES shoes bonus");
        });
    }

    @Test
    void shouldGiveTheSameVersionWhenTheSameDrlIsAddedAsTextUnderItsRelativeName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.drl"), BASE);

        try (DroolsRuleEngine fromDirectory = DroolsRuleEngine.builder().directory(dir).build();
             DroolsRuleEngine fromText = DroolsRuleEngine.builder().drl("base.drl", BASE).build()) {
            assertThat(fromDirectory.version()).isEqualTo(fromText.version());
        }
    }

    @Test
    void shouldGiveTheSameVersionWhenTheSameFilesLieInDirectoriesAtDifferentPaths(@TempDir Path temp) throws Exception {
        for (String root : new String[] {"one", "elsewhere/two"}) {
            Path dir = Files.createDirectories(temp.resolve(root));
            Files.writeString(dir.resolve("base.drl"), BASE);
            Files.createDirectories(dir.resolve("spring"));
            Files.writeString(dir.resolve("spring").resolve("shoes.drl"), SHOES);
        }

        try (DroolsRuleEngine one = DroolsRuleEngine.builder().directory(temp.resolve("one")).build();
             DroolsRuleEngine two = DroolsRuleEngine.builder().directory(temp.resolve("elsewhere/two")).build()) {
            assertThat(one.version()).isEqualTo(two.version());
        }
    }

    @Test
    void shouldChangeTheVersionWhenAFileMovesWithinTheDirectory(@TempDir Path temp) throws Exception {
        Path flat = Files.createDirectories(temp.resolve("flat"));
        Files.writeString(flat.resolve("base.drl"), BASE);
        Path nested = Files.createDirectories(temp.resolve("nested").resolve("sub"));
        Files.writeString(nested.resolve("base.drl"), BASE);

        try (DroolsRuleEngine one = DroolsRuleEngine.builder().directory(flat).build();
             DroolsRuleEngine two = DroolsRuleEngine.builder().directory(temp.resolve("nested")).build()) {
            assertThat(one.version()).isNotEqualTo(two.version());
        }
    }

    @Test
    void shouldChangeTheVersionWhenAFileChanges(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.drl"), BASE);
        String before;
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(dir).build()) {
            before = rules.version();
        }
        Files.writeString(dir.resolve("base.drl"), BASE.replace("2 points", "3 points"));

        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(dir).build()) {
            assertThat(rules.version()).isNotEqualTo(before);
        }
    }

    @Test
    void shouldBuildWhenAFileStartsWithAUtf8ByteOrderMark(@TempDir Path dir) throws Exception {
        byte[] text = BASE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(dir.resolve("base.drl"), withBom);

        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(dir).build()) {
            assertThat(rules.ruleNames()).containsExactly("D-BASE two points per pound");
        }
    }

    @Test
    void shouldGiveTheSameVersionWhenTheOnlyDifferenceIsAByteOrderMark() {
        try (DroolsRuleEngine plain = DroolsRuleEngine.builder().drl("base.drl", BASE).build();
             DroolsRuleEngine bom = DroolsRuleEngine.builder().drl("base.drl", "\uFEFF" + BASE).build()) {
            assertThat(bom.version()).isEqualTo(plain.version());
        }
    }
}
