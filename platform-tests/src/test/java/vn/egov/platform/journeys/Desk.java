package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.egov.testsupport.browser.Chromium;
import vn.egov.testsupport.browser.PageCheck;

/**
 * What the browser journeys do alike: sign in on Keycloak's page (citizens and staff), act on a dossier at the desk,
 * read a printed form.
 */
final class Desk {

    private Desk() {}

    /** Keycloak's sign-in page (whatever its theme's texts): the fields by their ids, typed in as a person does. */
    static void signInOnKeycloaksPage(ChromeDriver chrome, String username, String password) {
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(chrome.getCurrentUrl()).startsWith(GATEWAY + "/auth/realms/egov/");
        chrome.findElement(By.id("username")).sendKeys(username);
        chrome.findElement(By.id("password")).sendKeys(password);
        Chromium.follow(chrome, By.id("kc-login"));
    }

    static void signInOnKeycloaksPage(ChromeDriver chrome, String username) {
        signInOnKeycloaksPage(chrome, username, People.DEMO_PASSWORD);
    }

    /** Opens the action's form on the desk's dossier page (unless it is open already). */
    static void open(ChromeDriver chrome, String action) {
        if (chrome.findElement(By.id("action-" + action)).getAttribute("open") == null) {
            chrome.findElement(By.cssSelector("#action-" + action + " > summary"))
                    .click();
        }
    }

    /** Opens the action's form, types the note and sends it. */
    static void act(ChromeDriver chrome, String action, String note) {
        open(chrome, action);
        chrome.findElement(By.id(action + "-note")).sendKeys(note);
        Chromium.follow(chrome, By.id(action + "-submit"));
    }

    /** The success flash of the page shown. */
    static String notice(ChromeDriver chrome) {
        return chrome.findElement(By.cssSelector("p.notice")).getText();
    }

    /** A small PDF file on disk, for the browser's file inputs. */
    static Path pdf(String name, String text) {
        try {
            Path file = Files.createTempDirectory("desk-journey").resolve(name);
            Files.writeString(
                    file, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + text + "\n", StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the page links to, fetched by the page itself (its session cookie, its origin): status, type, body. */
    record Download(int status, String contentType, byte[] body) {
        /** The text a reader of the PDF sees (PDFBox's extraction), one line per printed line. */
        String pdfText() {
            assertThat(contentType).as("content type").startsWith("application/pdf");
            try (var document = Loader.loadPDF(body)) {
                return new PDFTextStripper().getText(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Download download(ChromeDriver chrome, String path) {
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) chrome.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = '';
                    for (let i = 0; i < bytes.length; i += 0x8000) {
                      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                    }
                    done([r.status, r.headers.get('Content-Type') || '', btoa(binary)]);
                  })
                  .catch(e => done([0, String(e), '']));
                """, path);
        return new Download(
                ((Number) answer.get(0)).intValue(),
                (String) answer.get(1),
                Base64.getDecoder().decode((String) answer.get(2)));
    }

    /** axe-core and the layout checks at a phone's and a desktop's size, with screenshots; back at 1280×800. */
    static void check(ChromeDriver chrome, String name, List<String> problems) {
        for (int[] size : PageCheck.SIZES) {
            Chromium.viewport(chrome, size[0], size[1]);
            problems.addAll(PageCheck.problems(chrome, name + " at " + size[0] + "×" + size[1]));
            Chromium.screenshot(chrome, name + "-" + size[0] + "x" + size[1]);
        }
        Chromium.viewport(chrome, 1280, 800);
    }

    /** The fields of a walk-in intake as dossier-service takes them (POST /api/v1/desk/dossiers). */
    static Map<String, Object> walkInApplicant(tools.jackson.databind.JsonNode resident) {
        return Map.of(
                "nationalId", resident.get("nationalId").asString(),
                "fullName", resident.get("fullName").asString(),
                "dateOfBirth", resident.get("dateOfBirth").asString(),
                "sex", resident.get("sex").asString());
    }
}
