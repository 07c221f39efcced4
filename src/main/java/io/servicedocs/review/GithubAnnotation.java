package io.servicedocs.review;

/**
 * One GitHub Actions workflow command that annotates a line of a file in the pull request
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
public record GithubAnnotation(String level, String file, int line, int column, String title, String message) {

    /** The command line, with data and properties escaped as GitHub requires. */
    @Override
    public String toString() {
        return "::" + level + " file=" + property(file) + ",line=" + line + ",col=" + column + ",title=" + property(title)
                + "::" + data(message);
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
