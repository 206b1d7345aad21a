package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Jackson's reasons, as the shop's problems say them: the reason and place, none of Jackson's settings or the shop's classes. */
class JsonReasonsTest {

    @Test
    void shouldSayWhereAnUnclosedObjectOpenedWithoutTheRedactedSource() {
        assertThat(JsonReasons.plain("Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (opened at line 1, column 1)");
    }

    @Test
    void shouldSayWhereAnObjectClosedByABracketOpenedWithoutTheRedactedSource() {
        assertThat(JsonReasons.plain("Unexpected close marker ']': expected '}' (for Object starting at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 11])"))
                .isEqualTo("Unexpected close marker ']': expected '}' (opened at line 1, column 11)");
    }

    @Test
    void shouldLeaveOutTheSettingThatWouldAllowWhatJsonDoesNot() {
        assertThat(JsonReasons.plain("JSON spec does not allow numbers to have plus signs: enable "
                + "`JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow"))
                .isEqualTo("JSON spec does not allow numbers to have plus signs");
    }

    @Test
    void shouldLeaveOutTheLimitsSourceAndKeepTheLimit() {
        assertThat(JsonReasons.plain("Number value length (1200) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNumberLength()`)"))
                .isEqualTo("Number value length (1200) exceeds the maximum allowed (1000)");
    }

    @Test
    void shouldLeaveOutTheShopsClassAndTheSettingWhenTheBodyGoesOn() {
        assertThat(JsonReasons.plain("Trailing token (of type VALUE_NUMBER_INT) found after value (bound as "
                + "`dev.loyalty.examples.shop.ShopRequests$RedeemOffer`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"))
                .isEqualTo("Trailing token (of type VALUE_NUMBER_INT) found after value");
    }
}
