package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: one settings module (settingSpecs.js) behind the lab's racer cards and the maps page's
 * basins form: the same settings, in the same order, from the same defaults — on a surface made of
 * data that includes the minibatch size, which the basins form lacked before.
 */
class SettingFormsPageTest extends BrowserTest {

    private static final String DATA = "regression:diabetes:bmi:standardized";

    @SuppressWarnings("unchecked")
    @Test
    void theLabAndTheMapsPageOfferTheSameSettingsWithTheSameDefaults() {
        Page lab = desktop("/?surface=" + DATA + "&optimizers=sgd");
        assertThat(lab.locator("#p-sgd-batch-size")).hasValue("16");
        List<List<String>> cards = (List<List<String>>) lab.evaluate("""
                () => [...document.querySelectorAll('#settings-sgd .setting > input')]
                      .map((i) => [i.id.replace('p-sgd-', ''), i.type === 'checkbox' ? (i.checked ? '1' : '0') : i.value])""");

        Page maps = desktop("/maps.html?surface=" + DATA + "&optimizer=sgd");
        assertThat(id(maps, "param-batch-size")).hasValue("16");
        List<List<String>> basins = (List<List<String>>) maps.evaluate("""
                () => [...document.querySelectorAll('[data-testid^="param-"]')]
                      .map((i) => [i.name, i.type === 'checkbox' ? (i.checked ? '1' : '0') : i.value])
                      .filter(([name]) => name !== 'lr' && name !== 'seed')""");
        // the card's seed shows the run's default seed; the basins form leaves it empty ("default")
        assertThat(cards.stream().filter(c -> !c.getFirst().equals("seed")).toList()).isEqualTo(basins);
        assertThat(basins.stream().map(List::getFirst).toList()).containsExactly("weight-decay", "maximize", "batch-size", "noise");
    }
}
