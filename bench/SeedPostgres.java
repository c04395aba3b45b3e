import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Fills the benchmark PostgreSQL with N contacts (Email + 6 fields) generated inside the server.
 * Run with the shaded jar on the class path (it carries pgjdbc): java -cp target/broadside.jar bench/SeedPostgres.java URL N
 */
public class SeedPostgres {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS customers");
            s.execute("CREATE TABLE customers AS SELECT 'user' || g || '@example' || (g % 97) || '.com' AS email, "
                    + "(ARRAY['Anna','Björn','Chloé','David','Élodie'])[1 + g % 5] AS first_name, "
                    + "(ARRAY['Martin','Müller','Rossi','García','O''Brien'])[1 + g % 5] AS last_name, "
                    + "'Company ' || (g % 5000) || ', Ltd' AS company, "
                    + "(ARRAY['Paris','Zürich','Kraków','São Paulo'])[1 + g % 4] AS city, "
                    + "(ARRAY['FR','CH','PL','BR'])[1 + g % 4] AS country, "
                    + "CASE WHEN g % 10 = 0 THEN NULL ELSE 18 + g % 70 END AS age "
                    + "FROM generate_series(1, " + Integer.parseInt(args[1]) + ") AS g");
            s.execute("ANALYZE customers");
        }
    }
}
