package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Refuses a request whose {@code Content-Encoding} is anything but {@code identity}, such as
 * {@code gzip}, with a 415 problem of type {@code urn:loyalty:problem:unsupported-content-encoding}
 * naming it ({@code contentEncoding}) and {@code Accept-Encoding: identity}: the shop reads plain
 * JSON only, and would otherwise parse the encoded bytes as if they were plain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentEncodingRefusal extends RefusingFilter {

    ContentEncodingRefusal(ObjectMapper json) {
        super(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> codings = Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING)).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(coding -> !coding.isEmpty()).toList();
        if (codings.stream().allMatch(coding -> coding.toLowerCase(Locale.ROOT).equals("identity"))) {
            chain.doFilter(request, response);
            return;
        }
        String encoding = String.join(", ", codings);
        ProblemDetail problem = problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                "Unsupported content encoding", "the body is sent with Content-Encoding '" + encoding
                        + "'; the shop reads bodies without a content encoding (identity) only");
        problem.setProperty("contentEncoding", encoding);
        response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
        refuse(response, problem);
    }
}
