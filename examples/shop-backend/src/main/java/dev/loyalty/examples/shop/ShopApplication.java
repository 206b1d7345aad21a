package dev.loyalty.examples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A shop backend that embeds the loyalty engine: Spring Boot web on embedded Tomcat, the JDBC
 * store on the application's {@code DataSource} (H2 in memory by default, PostgreSQL by
 * {@code spring.datasource.url}), JSON endpoints for enrolment, purchases, returns, redemptions,
 * member summaries, statements and explanations, RFC 9457 problem responses for refusals, and
 * {@code Idempotency-Key} headers as event ids.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShopApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
