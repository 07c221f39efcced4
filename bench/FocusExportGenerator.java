import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Writes FOCUS 1.2 test exports for bench/focus-import.sh with DuckDB (from the servicedocs jar):
 * a CSV file of N rows, or an AWS Data Exports folder of Parquet parts (BILLING_PERIOD=YYYY-MM
 * partitions with their manifests). Rows are deterministic: 200 AWS accounts, every day of the
 * month, amounts with up to 10 decimals; it prints the exact EffectiveCost total (DECIMAL) so a
 * run can be checked against it.
 *
 * Usage: java -cp servicedocs.jar bench/FocusExportGenerator.java csv ROWS OUT.csv
 *        java -cp servicedocs.jar bench/FocusExportGenerator.java parquet ROWS OUT-FOLDER [PARTS-PER-MONTH] [MONTHS]
 */
public class FocusExportGenerator {

    /** One row per i in [from, to), of billing period YYYY-MM; about 30 columns, as real exports have. */
    static String rows(long from, long to, String month) {
        return "SELECT 'Amazon Web Services' AS ProviderName, 'Amazon Web Services, Inc.' AS PublisherName,"
                + " 'Amazon Web Services, Inc.' AS InvoiceIssuerName, '999999999999' AS BillingAccountId,"
                + " 'Payer' AS BillingAccountName, 'USD' AS BillingCurrency,"
                + " '" + month + "-01T00:00:00Z' AS BillingPeriodStart,"
                + " strftime(date_add(DATE '" + month + "-01', INTERVAL 1 MONTH), '%Y-%m-%dT00:00:00Z') AS BillingPeriodEnd,"
                + " lpad(CAST(100000000000 + i % 200 AS VARCHAR), 12, '0') AS SubAccountId,"
                + " 'account-' || (i % 200) AS SubAccountName,"
                + " strftime(DATE '" + month + "-01' + CAST(i % 28 AS INTEGER), '%Y-%m-%dT00:00:00Z') AS ChargePeriodStart,"
                + " strftime(DATE '" + month + "-01' + CAST(i % 28 + 1 AS INTEGER), '%Y-%m-%dT00:00:00Z') AS ChargePeriodEnd,"
                + " CASE WHEN i % 50 = 0 THEN 'Tax' ELSE 'Usage' END AS ChargeCategory, '' AS ChargeClass,"
                + " CASE WHEN i % 50 = 0 THEN 'Recurring' ELSE 'Usage-Based' END AS ChargeFrequency,"
                + " 'usage of service ' || (i % 40) AS ChargeDescription,"
                + " CAST(CAST((i * 7919) % 1000003 AS DECIMAL(18,0)) / 10000000 AS VARCHAR) AS EffectiveCost,"
                + " CAST(CAST((i * 7919) % 1000003 AS DECIMAL(18,0)) / 10000000 AS VARCHAR) AS BilledCost,"
                + " CAST(CAST((i * 104729) % 1000003 AS DECIMAL(18,0)) / 10000000 AS VARCHAR) AS ListCost,"
                + " CAST(CAST((i * 7919) % 1000003 AS DECIMAL(18,0)) / 10000000 AS VARCHAR) AS ContractedCost,"
                + " 'Compute' AS ServiceCategory, 'Service' || (i % 40) AS ServiceName,"
                + " 'arn:aws:ec2:eu-west-1:' || lpad(CAST(100000000000 + i % 200 AS VARCHAR), 12, '0') || ':instance/i-'"
                + " || lpad(CAST(i % 100000 AS VARCHAR), 17, '0') AS ResourceId,"
                + " 'eu-west-1' AS RegionId, 'Europe (Ireland)' AS RegionName, 'Hrs' AS PricingUnit,"
                + " CAST((i % 24) + 1 AS VARCHAR) AS PricingQuantity, 'USD' AS PricingCurrency,"
                + " 'INV-" + month + "' AS InvoiceId,"
                + " '{\"application\": \"app-' || (i % 30) || '\", \"env\": \"prod\"}' AS Tags"
                + " FROM range(" + from + ", " + to + ") t(i)";
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long n = Long.parseLong(args[1]);
        Path out = Path.of(args[2]).toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute("SET preserve_insertion_order = false");
            if (kind.equals("csv")) {
                s.execute("COPY (" + rows(0, n, "2026-01") + ") TO '" + out + "' (FORMAT csv, HEADER)");
                total(s, "SELECT sum(CAST(EffectiveCost AS DECIMAL(38,10))) FROM (" + rows(0, n, "2026-01") + ")");
                return;
            }
            int parts = args.length > 3 ? Integer.parseInt(args[3]) : 5;
            int months = args.length > 4 ? Integer.parseInt(args[4]) : 2;
            long perPart = n / (parts * (long) months);
            long i = 0;
            for (int m = 1; m <= months; m++) {
                String month = String.format("2026-%02d", m);
                Path data = out.resolve("focus-export/data/BILLING_PERIOD=" + month);
                Path meta = out.resolve("focus-export/metadata/BILLING_PERIOD=" + month);
                Files.createDirectories(data);
                Files.createDirectories(meta);
                StringBuilder manifest = new StringBuilder("{\"executionId\": \"bench\", \"dataFiles\": [");
                for (int p = 1; p <= parts; p++) {
                    String name = String.format("focus-export-%05d.snappy.parquet", p);
                    s.execute("COPY (" + rows(i, i + perPart, month) + ") TO '" + data.resolve(name)
                            + "' (FORMAT parquet, COMPRESSION snappy)");
                    i += perPart;
                    manifest.append(p > 1 ? ", " : "").append("\"s3://bench/prefix/focus-export/data/BILLING_PERIOD=")
                            .append(month).append('/').append(name).append('"');
                }
                Files.writeString(meta.resolve("focus-export-Manifest.json"), manifest.append("]}\n").toString());
            }
            long rows = i;
            StringBuilder all = new StringBuilder();
            for (int m = 1; m <= months; m++) {
                all.append(m > 1 ? " UNION ALL " : "").append("SELECT EffectiveCost FROM (")
                        .append(rows((m - 1) * (rows / months), m * (rows / months), String.format("2026-%02d", m)))
                        .append(')');
            }
            total(s, "SELECT sum(CAST(EffectiveCost AS DECIMAL(38,10))) FROM (" + all + ")");
        }
    }

    private static void total(Statement s, String query) throws Exception {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            System.out.println("EffectiveCost total: " + r.getBigDecimal(1).stripTrailingZeros().toPlainString() + " USD");
        }
    }
}
