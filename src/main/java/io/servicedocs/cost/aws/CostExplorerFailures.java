package io.servicedocs.cost.aws;

import io.servicedocs.cost.aws.CostExplorerFetchException.Problem;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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

    static CostExplorerFetchException translate(SdkException e, FetchReport report) {
        if (e instanceof AwsServiceException service) {
            return fromService(service, report);
        }
        return fromClient(e, report);
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

    private static CostExplorerFetchException fromClient(SdkException e, FetchReport report) {
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
