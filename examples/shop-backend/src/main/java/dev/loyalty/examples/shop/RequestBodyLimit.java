package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Refuses a request body larger than {@code loyalty.request-body-limit} (256 KiB by default,
 * {@link LoyaltyProperties#requestBodyLimit}) with a 413 problem of type
 * {@code urn:loyalty:problem:body-too-large} naming the limit ({@code maxBytes}), before any of
 * it is parsed: from its {@code Content-Length} when it has one, else (a chunked body) by
 * reading at most one byte more than the limit. No request of the shop needs more than the
 * default: a basket of a thousand lines is about 80 KiB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends RefusingFilter {

    /** The largest limit that may be configured, 1 GiB: a chunked body is read into memory whole. */
    static final long LARGEST_LIMIT = 1L << 30;

    /** The largest request body the shop reads, in bytes. */
    private final int maxBytes;

    /**
     * A filter with the configured limit.
     *
     * @param json writes the problem responses
     * @param properties the limit, {@code loyalty.request-body-limit}
     * @throws IllegalArgumentException for a limit below 1 byte or above {@link #LARGEST_LIMIT}
     */
    RequestBodyLimit(ObjectMapper json, LoyaltyProperties properties) {
        super(json);
        long bytes = properties.requestBodyLimit().toBytes();
        if (bytes < 1 || bytes > LARGEST_LIMIT) {
            throw new IllegalArgumentException("loyalty.request-body-limit must be from 1 byte to " + LARGEST_LIMIT
                    + " bytes (1GB), was " + bytes + " bytes");
        }
        this.maxBytes = (int) bytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(request, response, "the body's Content-Length, " + length + " bytes,");
            return;
        }
        if (length >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // Tomcat reads no more than the Content-Length, and nothing without one or a chunked body
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response, "the chunked body");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        ProblemDetail problem = problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                what + " is more than the " + maxBytes + " bytes a request body may hold (loyalty.request-body-limit)");
        problem.setProperty("maxBytes", maxBytes);
        // the rest of the body is not read: the connection cannot carry another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        refuse(response, problem);
    }

    /** The request with its body already read, under the limit. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
