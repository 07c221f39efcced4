package io.servicedocs.cost.athena;

import io.servicedocs.AwsJsonLoopback;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Amazon Athena's AWS JSON 1.1 protocol on loopback ({@code X-Amz-Target: AmazonAthena.*}):
 * StartQueryExecution gives one query id, GetQueryExecution answers the scripted states in order
 * (the last one again and again), GetQueryResults serves the scripted pages and checks NextToken
 * as the real service does, StopQueryExecution is recorded. Any call can be scripted to answer
 * throttling errors first. Every request is recorded. Public for the command-line tests.
 */
public final class FakeAthena implements AutoCloseable {

    public static final String QUERY_ID = "7c6b1a2e-0000-4000-8000-00000000abcd";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received. */
    public record Recorded(String operation, Optional<String> authorization, JsonNode body) {
    }

    private record Error(int status, String type, String message) {
    }

    private final AwsJsonLoopback loopback = new AwsJsonLoopback(this::answer);
    private final List<Recorded> requests = new ArrayList<>();
    private final java.util.Map<String, Deque<Error>> errors = new java.util.HashMap<>();
    private final Deque<ObjectNode> states = new ArrayDeque<>();
    private final List<ObjectNode> pages = new ArrayList<>();
    private long scannedBytes;
    private String issuedToken;

    public URI endpoint() {
        return loopback.endpoint();
    }

    /** The real SDK client pointed here, without SDK retries so that request counts are exact. */
    AthenaClient client() {
        return loopback.client(AthenaClient.builder());
    }

    /** GetQueryExecution answers these states in order, the last one for every later poll. */
    public synchronized FakeAthena states(String... names) {
        for (String name : names) {
            states.add(state(name, null));
        }
        return this;
    }

    /** GetQueryExecution answers this final state with its StateChangeReason. */
    public synchronized FakeAthena endsIn(String name, String reason) {
        states.add(state(name, reason));
        return this;
    }

    public synchronized FakeAthena scanned(long bytes) {
        scannedBytes = bytes;
        return this;
    }

    /** The next {@code times} requests of {@code operation} answer with this error type (HTTP 400). */
    public synchronized FakeAthena throttle(String operation, int times, String type) {
        for (int i = 0; i < times; i++) {
            errors.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Error(400, type, "Rate exceeded"));
        }
        return this;
    }

    /**
     * Result pages: each a list of rows, each row a list of values (null: SQL NULL). The header
     * row must be part of the first page, as Athena sends it.
     */
    @SafeVarargs
    public final synchronized FakeAthena pages(List<List<String>>... rowsOfPages) {
        for (int i = 0; i < rowsOfPages.length; i++) {
            ObjectNode page = JSON.createObjectNode();
            ObjectNode resultSet = page.putObject("ResultSet");
            ArrayNode rows = resultSet.putArray("Rows");
            for (List<String> values : rowsOfPages[i]) {
                ArrayNode data = rows.addObject().putArray("Data");
                for (String value : values) {
                    ObjectNode datum = data.addObject();
                    if (value != null) {
                        datum.put("VarCharValue", value);
                    }
                }
            }
            resultSet.putObject("ResultSetMetadata").putArray("ColumnInfo");
            if (i + 1 < rowsOfPages.length) {
                page.put("NextToken", "token-" + (i + 2));
            }
            pages.add(page);
        }
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The operations called, in order, e.g. [StartQueryExecution, GetQueryExecution, ...]. */
    public synchronized List<String> operations() {
        return requests.stream().map(Recorded::operation).toList();
    }

    @Override
    public void close() {
        loopback.close();
    }

    private static ObjectNode state(String name, String reason) {
        ObjectNode status = JSON.createObjectNode().put("State", name);
        if (reason != null) {
            status.put("StateChangeReason", reason);
        }
        return status;
    }

    /**
     * StopQueryExecution answers only once {@code released} is counted down (at most a minute later):
     * a stop that hangs. Nothing else is answered meanwhile.
     */
    public synchronized FakeAthena stopAnswersAfter(java.util.concurrent.CountDownLatch released) {
        stopReleased = released;
        return this;
    }

    private java.util.concurrent.CountDownLatch stopReleased;

    private synchronized AwsJsonLoopback.Response answer(AwsJsonLoopback.Request request) {
        String target = request.target();
        String operation = target.startsWith("AmazonAthena.") ? target.substring("AmazonAthena.".length()) : target;
        if (operation.equals("StopQueryExecution") && stopReleased != null) {
            try {
                stopReleased.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JsonNode body = request.body();
        requests.add(new Recorded(operation, request.authorization(), body));
        int status = 200;
        ObjectNode reply;
        Deque<Error> scripted = errors.getOrDefault(operation, new ArrayDeque<>());
        if (!scripted.isEmpty()) {
            Error error = scripted.poll();
            status = error.status();
            reply = JSON.createObjectNode().put("__type", error.type()).put("Message", error.message());
        } else {
            reply = switch (operation) {
                case "StartQueryExecution" -> JSON.createObjectNode().put("QueryExecutionId", QUERY_ID);
                case "GetQueryExecution" -> execution(body);
                case "GetQueryResults" -> results(body);
                case "StopQueryExecution" -> JSON.createObjectNode();
                default -> null;
            };
            if (reply == null || reply.has("__type")) {
                status = 400;
                if (reply == null) {
                    reply = JSON.createObjectNode().put("__type", "UnknownOperationException")
                            .put("Message", "fake serves no " + target);
                }
            }
        }
        return new AwsJsonLoopback.Response(status, reply.toString());
    }

    private ObjectNode execution(JsonNode body) {
        if (!QUERY_ID.equals(body.path("QueryExecutionId").asString(""))) {
            return invalid("unknown query id");
        }
        ObjectNode status = states.size() > 1 ? states.poll() : states.peek();
        if (status == null) {
            return invalid("the test scripted no state");
        }
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode execution = reply.putObject("QueryExecution").put("QueryExecutionId", QUERY_ID);
        execution.set("Status", status.deepCopy());
        execution.putObject("Statistics").put("DataScannedInBytes", scannedBytes);
        return reply;
    }

    private ObjectNode results(JsonNode body) {
        if (!QUERY_ID.equals(body.path("QueryExecutionId").asString(""))) {
            return invalid("unknown query id");
        }
        String token = body.path("NextToken").asString(null);
        int index;
        if (token == null) {
            index = 0;
        } else if (!token.equals(issuedToken)) {
            return invalid("The token is invalid: " + token);
        } else {
            index = Integer.parseInt(token.substring("token-".length())) - 1;
        }
        if (index >= pages.size()) {
            return invalid("the test scripted no page " + (index + 1));
        }
        ObjectNode page = pages.get(index);
        issuedToken = page.path("NextToken").asString(null);
        return page;
    }

    private static ObjectNode invalid(String message) {
        return JSON.createObjectNode().put("__type", "InvalidRequestException").put("Message", message);
    }
}
