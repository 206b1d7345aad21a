package dev.loyalty.examples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** How {@link RetailSample} reads rows that are not quite the sample's: every problem is a rejected row naming its line and field. */
class RetailSampleTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @Test
    void shouldRejectARowWhenItsDateDoesNotExist() {
        RetailSample sample = RetailSample.read(new StringReader(HEADER
                + "1,A,X,2,2011-02-28 10:00:00,1.50,1.0,UK\n"
                + "2,B,Y,2,2011-02-29 10:00:00,1.50,1.0,UK\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 3:").contains("InvoiceDate").contains("2011-02-29");
        assertThat(sample.purchases()).isEqualTo(1);
    }

    @Test
    void shouldReadColumnsByNameWhenTheHeaderIsReordered() {
        RetailSample sample = RetailSample.read(new StringReader(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country,CustomerID\n"
                        + "1,A,X,2,2011-01-01 10:00:00,1.50,United Kingdom,12345.0\n"));

        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.events()).filteredOn(Enrolment.class::isInstance).singleElement()
                .extracting(event -> event.memberId().value()).isEqualTo("12345");
    }

    @Test
    void shouldRejectTheHeaderWhenItLacksAColumn() {
        RetailSample sample = RetailSample.read(new StringReader(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country\n"
                        + "1,A,X,2,2011-01-01 10:00:00,1.50,United Kingdom\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 1:").contains("CustomerID");
        assertThat(sample.events()).isEmpty();
    }

    @Test
    void shouldNameTheFilesLineWhenBlankLinesComeBeforeTheBadRow() {
        RetailSample sample = RetailSample.read(new StringReader(HEADER
                + "\n"
                + "1,A,X,2,2011-01-01 10:00:00,1.50,1.0,UK\n"
                + "\n"
                + "2,B,Y,2,not a date,1.50,1.0,UK\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 5:");
    }

    @Test
    void shouldNameTheFieldWhenAUnitPriceIsNotANumber() {
        RetailSample sample = RetailSample.read(new StringReader(HEADER
                + "1,A,X,2,2011-01-01 10:00:00,\"1,50\",1.0,UK\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 2:").contains("UnitPrice").contains("1,50");
    }

    @Test
    void shouldNameTheFieldWhenAQuantityIsNotAWholeNumber() {
        RetailSample sample = RetailSample.read(new StringReader(HEADER
                + "1,A,X,1e3,2011-01-01 10:00:00,1.50,1.0,UK\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 2:").contains("Quantity").contains("1e3");
    }

    @Test
    void shouldRejectARowWhenItsInvoiceBelongsToAnotherCustomer() {
        RetailSample sample = RetailSample.read(new StringReader(HEADER
                + "1,A,X,2,2011-01-01 10:00:00,1.50,1.0,UK\n"
                + "1,B,Y,5,2011-01-01 10:00:00,1.50,2.0,UK\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 3:").contains("invoice 1").contains("customer 1");
        assertThat(sample.events()).filteredOn(Purchase.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((Purchase) event).lines()).hasSize(1));
    }

    @Test
    void shouldNotEnrolTheCustomerWhenTheirOnlyRowIsRejected() {
        RetailSample sample = RetailSample.read(new StringReader(HEADER
                + "1,A,X,2,2011-01-01 10:00:00,1.50,1.0,UK\n"
                + "2,B,Y,2,2011-01-02 10:00:00,-1,2.0,UK\n"));

        assertThat(sample.rejected()).singleElement().asString().startsWith("line 3:");
        assertThat(sample.members()).isEqualTo(1);
    }
}
