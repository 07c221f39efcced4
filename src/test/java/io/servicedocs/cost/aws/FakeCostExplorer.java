package io.servicedocs.cost.aws;

import io.servicedocs.AwsJsonLoopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cost Explorer's GetCostAndUsage over AWS JSON 1.1 on loopback: serves scripted replies in
 * order, records every request, and checks paging as the real service does (a page request
 * must carry the token last issued and otherwise repeat the first request exactly). Public for
 * the tests that run the command line and the workflows against it.
 */
public final class FakeCostExplorer implements AutoCloseable {

    static final String TARGET = "AWSInsightsIndexService.GetCostAndUsage";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received. */
    public record Recorded(String target, Optional<String> authorization, Optional<String> contentType, JsonNode body) {
        /** The body without NextPageToken: equal for every page of one fetch. */
        public JsonNode parameters() {
            return withoutToken(body);
        }
    }

    /** A scripted reply; {@code answer}, when set, writes the body from the request's parameters. */
    private record Reply(int status, String body, boolean forever, Function<JsonNode, String> answer) {
        Reply(int status, String body, boolean forever) {
            this(status, body, forever, null);
        }
    }

    private final AwsJsonLoopback loopback = new AwsJsonLoopback(this::answer);
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private JsonNode firstPageParameters;
    private String issuedToken;

    public URI endpoint() {
        return loopback.endpoint();
    }

    /** The real SDK client pointed here, without SDK retries so that request counts are exact. */
    CostExplorerClient client() {
        return loopback.client(CostExplorerClient.builder());
    }

    /** Answers the next request with this page (a JSON response body from the test resources). */
    public synchronized FakeCostExplorer page(String resource) {
        script.add(new Reply(200, resource(resource), false));
        return this;
    }

    synchronized FakeCostExplorer limitExceeded(int times) {
        for (int i = 0; i < times; i++) {
            script.add(error(400, "LimitExceededException", "Rate exceeded", false));
        }
        return this;
    }

    synchronized FakeCostExplorer limitExceededForever() {
        script.add(error(400, "LimitExceededException", "Rate exceeded", true));
        return this;
    }

    public synchronized FakeCostExplorer error(int status, String type, String message) {
        script.add(error(status, type, message, false));
        return this;
    }

    /**
     * Answers every request from now on with the page {@code answer} writes from the request's
     * parameters (without NextPageToken), for callers that do not know the period in advance.
     */
    public synchronized FakeCostExplorer answerEveryRequest(Function<JsonNode, String> answer) {
        script.add(new Reply(200, null, true, answer));
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        loopback.close();
    }

    private static Reply error(int status, String type, String message, boolean forever) {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        return new Reply(status, body.toString(), forever);
    }

    private synchronized AwsJsonLoopback.Response answer(AwsJsonLoopback.Request request) {
        requests.add(new Recorded(request.target(), request.authorization(), request.contentType(), request.body()));
        Reply reply = reply(request.method(), request.target(), request.body());
        return new AwsJsonLoopback.Response(reply.status(), reply.body());
    }

    private Reply reply(String method, String target, JsonNode body) {
        if (!"POST".equals(method) || !TARGET.equals(target)) {
            return error(400, "UnknownOperationException", "fake serves only POST " + TARGET, false);
        }
        JsonNode parameters = withoutToken(body);
        JsonNode token = body.get("NextPageToken");
        if (token == null) {
            firstPageParameters = parameters;
        } else if (!token.asString().equals(issuedToken)) {
            return error(400, "InvalidNextTokenException", "The token is invalid.", false);
        } else if (!parameters.equals(firstPageParameters)) {
            return error(400, "RequestChangedException", "The request changed between pages.", false);
        }
        Reply reply = script.isEmpty()
                ? error(400, "FakeScriptExhausted", "the test scripted no reply for request " + requests.size(), false)
                : script.peek().forever() ? script.peek() : script.poll();
        if (reply.answer() != null) {
            reply = new Reply(200, reply.answer().apply(parameters), false);
        }
        if (reply.status() == 200) {
            JsonNode next = JSON.readTree(reply.body()).get("NextPageToken");
            issuedToken = next == null ? null : next.asString();
        }
        return reply;
    }

    private static JsonNode withoutToken(JsonNode body) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.remove("NextPageToken");
        return copy;
    }

    private static String resource(String name) {
        String path = "/cost/aws/" + name;
        try (InputStream in = FakeCostExplorer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
