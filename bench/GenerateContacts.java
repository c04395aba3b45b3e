import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes N synthetic contacts (Email + 6 fields) as CSV for bench/import.sh. Deterministic (fixed seed), with
 * some quoting, accents and empty values so the parser does real work. Run: java bench/GenerateContacts.java FILE N
 */
public class GenerateContacts {
    private static final String[] FIRST = {"Anna", "Björn", "Chloé", "David", "Élodie", "Farid", "Greta", "Hugo", "Inès", "Jan"};
    private static final String[] LAST = {"Martin", "Müller", "Rossi", "García", "O'Brien", "Dubois", "Nowak", "Smith", "Søren", "Yılmaz"};
    private static final String[] CITY = {"Paris", "Zürich", "Kraków", "São Paulo", "New York, NY", "Malmö", "Lyon", "Berlin"};
    private static final String[] COUNTRY = {"FR", "CH", "PL", "BR", "US", "SE", "DE", "IT"};

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Email,First Name,Last Name,Company,City,Country,Age\n");
            for (int i = 1; i <= n; i++) {
                String city = CITY[random.nextInt(CITY.length)];
                w.write("user" + i + "@example" + (i % 97) + ".com,");
                w.write(FIRST[random.nextInt(FIRST.length)] + ",");
                w.write(LAST[random.nextInt(LAST.length)] + ",");
                w.write("\"Company " + (i % 5000) + ", Ltd\",");
                w.write((city.contains(",") ? "\"" + city + "\"" : city) + ",");
                w.write(COUNTRY[random.nextInt(COUNTRY.length)] + ",");
                w.write(random.nextInt(10) == 0 ? "" : String.valueOf(18 + random.nextInt(70)));
                w.write('\n');
            }
        }
    }
}
