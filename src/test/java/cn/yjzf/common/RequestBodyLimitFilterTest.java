package cn.yjzf.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The body limit holds also for a body sent without Content-Length (chunked), counted while it is read. */
class RequestBodyLimitFilterTest {

    /** A request whose length is not declared, as with Transfer-Encoding: chunked. */
    static final class Chunked extends MockHttpServletRequest {
        Chunked(byte[] body) {
            super("POST", "/api/judgments");
            setContentType("application/json");
            setContent(body);
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }
    }

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DataSize.ofKilobytes(64));

    @Test
    void aChunkedBodyOverTheLimitStopsWhileItIsRead() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(new Chunked(new byte[65 * 1024]), response,
                (req, res) -> req.getInputStream().readAllBytes()))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[][] read = new byte[1][];
        filter.doFilter(new Chunked(new byte[64 * 1024]), new MockHttpServletResponse(),
                (req, res) -> read[0] = req.getInputStream().readAllBytes());
        assertThat(read[0]).hasSize(64 * 1024);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnswered413BeforeTheApplicationSeesIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/judgments");
        request.setContentType("application/json");
        request.setContent(new byte[65 * 1024]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new AssertionError("the application must not be reached");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }
}
