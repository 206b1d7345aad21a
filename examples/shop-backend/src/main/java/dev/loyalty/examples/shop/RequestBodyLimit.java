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
 * Refuses a request body larger than {@link #MAX_BYTES} with a 413 problem of type
 * {@code urn:loyalty:problem:body-too-large} naming the limit ({@code maxBytes}), before any of
 * it is parsed: from its {@code Content-Length} when it has one, else (a chunked body) by
 * reading at most one byte more than the limit. No request of the shop needs more: a basket of
 * a thousand lines is about 80 KiB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends RefusingFilter {

    /** The largest request body the shop reads, in bytes: 256 KiB. */
    static final int MAX_BYTES = 256 * 1024;

    RequestBodyLimit(ObjectMapper json) {
        super(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BYTES) {
            refuse(request, response, "the body's Content-Length, " + length + " bytes,");
            return;
        }
        if (length >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // Tomcat reads no more than the Content-Length, and nothing without one or a chunked body
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(request, response, "the chunked body");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        ProblemDetail problem = problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                what + " is more than the " + MAX_BYTES + " bytes (256 KiB) a request body may hold");
        problem.setProperty("maxBytes", MAX_BYTES);
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
