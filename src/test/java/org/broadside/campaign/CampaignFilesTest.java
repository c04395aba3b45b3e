package org.broadside.campaign;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignFilesTest {
    @Test
    void documentSurvivesARoundTrip() throws Exception {
        Campaign c = new Campaign("id-1", "Spring", List.of("A", "B"), "Customers", "[[Country]] = \"FR\"", "News <n@acme.example>",
                "reply@acme.example", "Hi [First Name]", "text", null, "<p>html</p>", null, List.of("price list.pdf"),
                Map.of("X-Campaign", "spring"), new Unsubscribe("u@acme.example", "https://acme.example/u/[Token]", null),
                new DeliveryOptions(60, 5, 72, 50, 200, Map.of("A", 2), null, List.of("First Name"), "crash-safe", true));
        Path file = TempDirs.create("doc").resolve("spring.json");
        CampaignFiles.write(c, file);
        assertThat(CampaignFiles.read(file).campaign()).isEqualTo(c);
    }

    @Test
    void singleAccountIsWrittenAsTextAndReadBackAsAList() throws Exception {
        Campaign c = CampaignFiles.parse("{\"account\": \"Work\"}", "c.json");
        assertThat(c.account()).containsExactly("Work");
        assertThat(CampaignFiles.toJson(c)).contains("\"account\" : \"Work\"");
    }

    @Test
    void unknownKeyIsRefusedWithItsNameAndPosition() {
        assertThatThrownBy(() -> CampaignFiles.parse("{\n  \"name\": \"x\",\n  \"subjct\": \"Hi\"\n}", "c.json"))
                .isInstanceOf(CampaignFormatException.class)
                .hasMessageContaining("c.json line 3").hasMessageContaining("unknown key \"subjct\"").hasMessageContaining("subject");
    }

    @Test
    void wrongTypeIsRefusedWithTheKeyAndWhatItMustBe() {
        assertThatThrownBy(() -> CampaignFiles.parse("{\"subject\": 5}", "c.json"))
                .hasMessageContaining("key \"subject\"").hasMessageContaining("text in quotes");
        assertThatThrownBy(() -> CampaignFiles.parse("{\"delivery\": {\"maxAttempts\": \"five\"}}", "c.json"))
                .hasMessageContaining("delivery.maxAttempts").hasMessageContaining("whole number");
        assertThatThrownBy(() -> CampaignFiles.parse("{\"attachments\": {\"a\": 1}}", "c.json"))
                .hasMessageContaining("attachments");
    }

    @Test
    void brokenJsonIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> CampaignFiles.parse("{\"name\": \"x\",,}", "c.json")).hasMessageContaining("c.json line 1");
        assertThatThrownBy(() -> CampaignFiles.parse("   ", "c.json")).hasMessageContaining("empty");
    }

    @Test
    void relativePathsResolveAgainstTheDocumentsFolder() throws Exception {
        Path dir = TempDirs.create("doc");
        Files.writeString(dir.resolve("body.html"), "<p>from file</p>");
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"htmlFile\": \"body.html\", \"attachments\": [\"files/a.pdf\"]}");
        CampaignDocument doc = CampaignFiles.read(file);
        assertThat(doc.htmlBody()).isEqualTo("<p>from file</p>");
        assertThat(doc.resolve("files/a.pdf")).isEqualTo(dir.resolve("files/a.pdf"));
    }

    @Test
    void documentWithoutIdIsIdentifiedByItsPath() throws Exception {
        Path dir = TempDirs.create("doc");
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("b.json"), "{}");
        assertThat(CampaignFiles.read(dir.resolve("a.json")).uid()).startsWith("path-")
                .isNotEqualTo(CampaignFiles.read(dir.resolve("b.json")).uid());
    }
}
