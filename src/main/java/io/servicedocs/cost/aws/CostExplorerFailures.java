package io.servicedocs.cost.aws;

import io.servicedocs.cost.aws.CostExplorerFetchException.Problem;
import io.servicedocs.net.NetworkLimits;
import io.servicedocs.net.NetworkLimits.Limit;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.costexplorer.model.BillExpirationException;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.InvalidNextTokenException;
import software.amazon.awssdk.services.costexplorer.model.RequestChangedException;

/** Turns what the SDK throws into a message that says what happened and what to check. */
final class CostExplorerFailures {

    private CostExplorerFailures() {
    }

    /** What the SDK (or a credentials provider inside it) threw, for a person. */
    static CostExplorerFetchException translate(RuntimeException e, FetchReport report, NetworkLimits limits) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CostExplorerClients.WebIdentityFailure sts) {
                return new CostExplorerFetchException(sts.timeout().isPresent() ? Problem.TIMED_OUT
                        : Problem.NO_CREDENTIALS, sts.getMessage(), report, Optional.empty(), e);
            }
        }
        if (e instanceof AwsServiceException service) {
            return fromService(service, report);
        }
        Optional<Limit> timeout = timeoutOf(e);
        if (timeout.isPresent()) {
            return timedOut(timeout.get(), e, report, limits);
        }
        return fromClient(e, report);
    }

    /** Which timeout ended the call, if one did. */
    static Optional<Limit> timeoutOf(RuntimeException e) {
        if (e instanceof ApiCallTimeoutException) {
            return Optional.of(Limit.CALL);
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            return Optional.of(Limit.REQUEST);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiCallAttemptTimeoutException) {
                return Optional.of(Limit.REQUEST);
            }
            if (t instanceof SocketTimeoutException) {
                String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                return Optional.of(text.contains("connect") ? Limit.CONNECT : Limit.READ);
            }
        }
        return Optional.empty();
    }

    private static CostExplorerFetchException timedOut(Limit limit, RuntimeException e, FetchReport report,
            NetworkLimits limits) {
        String what = switch (limit) {
            case CONNECT -> "Could not connect to Cost Explorer within " + limit.describe(limits)
                    + ". Check the network, a proxy, and the endpoint if one is set (AWS_ENDPOINT_URL).";
            case READ -> "Cost Explorer went silent for longer than " + limit.describe(limits)
                    + " while answering.";
            case REQUEST -> "Cost Explorer did not finish answering within " + limit.describe(limits)
                    + ": the server accepted the request but sent its answer too slowly, or not at all.";
            case CALL, DEADLINE -> "Cost Explorer did not complete the call within " + limit.describe(limits)
                    + ".";
        };
        return new CostExplorerFetchException(Problem.TIMED_OUT, what + " The AWS SDK tried "
                + NetworkLimits.ATTEMPTS_PER_CALL + " times at most; " + report.requests() + " HTTP request(s) were "
                + "sent in all. Raise the limit with " + limit.option() + " if Cost Explorer is just slow, or run "
                + "again later.", report, Optional.empty(), e);
    }

    private static CostExplorerFetchException fromService(AwsServiceException e, FetchReport report) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        String awsSays = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? "" : " (AWS says: " + e.awsErrorDetails().errorMessage() + ")";
        Optional<String> requestId = Optional.ofNullable(e.requestId());
        Problem problem;
        String message;
        if (e instanceof DataUnavailableException) {
            problem = Problem.NO_DATA;
            message = "Cost Explorer has no data for this request" + awsSays + ". Check that Cost Explorer is "
                    + "enabled for the account (data appears about 24 hours after enabling it).";
        } else if (e instanceof BillExpirationException) {
            problem = Problem.NO_DATA;
            message = "Cost Explorer no longer has the bill for the requested months" + awsSays
                    + ". It keeps about 13 months plus the current one: ask for more recent months.";
        } else if (e instanceof RequestChangedException || e instanceof InvalidNextTokenException) {
            problem = Problem.PAGING_INTERRUPTED;
            message = "Cost Explorer refused to continue paging" + awsSays + ". Its data probably refreshed "
                    + "between two pages; run the fetch again.";
        } else {
            switch (code) {
                case "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
                        "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken" -> {
                    problem = Problem.BAD_CREDENTIALS;
                    message = "AWS did not accept the credentials" + awsSays + ". Check the access key id and "
                            + "secret key (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, or the "
                            + "profile in AWS_PROFILE) and that the key is active; for SSO run 'aws sso login'.";
                }
                case "ExpiredTokenException", "ExpiredToken", "RequestExpired" -> {
                    problem = Problem.EXPIRED_CREDENTIALS;
                    message = "The AWS session credentials have expired" + awsSays + ". Get new ones (for "
                            + "example 'aws sso login', or assume the role again) and run the fetch again.";
                }
                case "AccessDeniedException", "AccessDenied", "UnauthorizedOperation" -> {
                    problem = Problem.ACCESS_DENIED;
                    message = "AWS denied access to Cost Explorer" + awsSays + ". The identity needs the IAM "
                            + "permission ce:GetCostAndUsage; to see every linked account, use the "
                            + "organisation's management account (or a member account it granted access).";
                }
                case "ValidationException", "InvalidParameterValue", "SerializationException" -> {
                    problem = Problem.INVALID_REQUEST;
                    message = "Cost Explorer refused the request as invalid" + awsSays + ". Check the metric "
                            + "name, the tag key (it must be an activated cost-allocation tag) and the months "
                            + "(at most about 13 months back).";
                }
                default -> {
                    problem = Problem.UNEXPECTED_RESPONSE;
                    message = "Cost Explorer answered with an error this tool does not know: HTTP "
                            + e.statusCode() + (code.isEmpty() ? "" : " " + code) + awsSays + ".";
                }
            }
        }
        String withId = requestId.map(id -> message + " Request id: " + id + ".").orElse(message);
        return new CostExplorerFetchException(problem, withId, report, requestId, e);
    }

    private static CostExplorerFetchException fromClient(RuntimeException e, FetchReport report) {
        String text = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && text.toLowerCase(Locale.ROOT).contains("credentials")) {
            return new CostExplorerFetchException(Problem.NO_CREDENTIALS,
                    "No AWS credentials were found (" + firstLine(text) + "). Set AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE to a profile in ~/.aws/config, or run "
                            + "where an IAM role is available.",
                    report, Optional.empty(), e);
        }
        if (hasCause(e, IOException.class)) {
            return new CostExplorerFetchException(Problem.UNREACHABLE,
                    "Could not reach Cost Explorer (" + firstLine(text) + "). Check the network, a proxy, "
                            + "and the endpoint if one is set (AWS_ENDPOINT_URL).",
                    report, Optional.empty(), e);
        }
        return new CostExplorerFetchException(Problem.UNEXPECTED_RESPONSE,
                "The AWS SDK failed: " + firstLine(text), report, Optional.empty(), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
