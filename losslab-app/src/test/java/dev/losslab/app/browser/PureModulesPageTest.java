package dev.losslab.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the page's pure modules, imported as the page loads them and checked against values
 * worked by hand — URL state (urlState.js), numbers as text (format.js), axis ticks (plotFrame.js)
 * and where a logistic model's boundary crosses the data panel (dataPanel.js).
 */
class PureModulesPageTest extends BrowserTest {

    private Page page;

    @BeforeAll
    void openAPage() {
        page = desktop("/tour");
    }

    private Object run(String module, String body) {
        return page.evaluate("async () => { const m = await import('/static/js/" + module + "'); " + body + " }");
    }

    @Test
    void theUrlStateRoundTripsAndDropsWhatNoLinkShouldCarry() {
        Object back = run("urlState.js", """
                const s = m.parse('?surface=regression:diabetes:bmi&start=1,-2&optimizers=gd,gd:2,sgd&steps=300&gd:2.lr=0.21&sgd.batch-size=4');
                return m.format(s);""");
        assertThat(back).isEqualTo("surface=regression:diabetes:bmi&start=1,-2&optimizers=gd,gd:2,sgd&steps=300&gd:2.lr=0.21&sgd.batch-size=4");
        Object dropped = run("urlState.js", """
                const s = m.parse('?start=1,x&steps=-3&__proto__.x=1&gd.BAD=2&window=0,0,0,0&view=2d&chart-x=time');
                return [s.start, s.steps, Object.keys(s.settings).length, s.window, s.view, s.chartX, ({}).x === undefined];""");
        assertThat(dropped.toString()).isEqualTo("[null, null, 0, null, null, null, true]");
    }

    /** A start coordinate is rounded to a thousandth of the window's span: 10/1000 = 0.01, two decimals. */
    @Test
    void numbersReadBackAsTheNumbersTheyAre() {
        Object texts = run("format.js", """
                return [m.num(170), m.num(23.918), m.num(0.0012341), m.num(1.9391e-18), m.num(1.0234e12), m.num(null),
                        m.num(Infinity), m.point(3, -1.84813), m.coordinate(1.23456789, 10), m.tick(2.5e-5), m.tick(12000)];""");
        assertThat(texts.toString()).isEqualTo("[170, 23.92, 0.001234, 1.939e-18, 1.023e12, —, ∞, (3, -1.848), 1.23, 2.5e-5, 12000]");
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        Object ticks = run("plotFrame.js", "return [m.niceTicks(0, 1, 5), m.niceTicks(-3, 7, 4), m.niceTicks(0.013, 0.05, 4)];");
        assertThat(ticks.toString()).isEqualTo("[[0, 0.2, 0.4, 0.6, 0.8, 1], [-2, 0, 2, 4, 6], [0.02, 0.03, 0.04, 0.05]]");
    }

    @Test
    void aBoundaryThroughTheOriginIsPerpendicularToTheWeights() {
        // w = (1, 1): the line x + y = 0, along (−1, 1); reach = |(2, 3)| from the window [−1, 2] × [−3, 1]
        Object ends = run("dataPanel.js", "return [m.boundary(1, 1, [-1, 2, -3, 1]), m.boundary(0, 0, [-1, 1, -1, 1])];");
        @SuppressWarnings("unchecked")
        List<Object> both = (List<Object>) ends;
        @SuppressWarnings("unchecked")
        List<List<Number>> line = (List<List<Number>>) both.get(0);
        double r = Math.sqrt(13) / Math.sqrt(2);
        assertThat(line.get(0).get(0).doubleValue()).isCloseTo(r, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(line.get(0).get(1).doubleValue()).isCloseTo(-r, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(line.get(1).get(0).doubleValue() + line.get(1).get(1).doubleValue()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(both.get(1)).as("w = 0 predicts ½ everywhere: no boundary").isNull();
    }

    /** The racers' changes are pure: each returns the next racers and settings and leaves the old state alone. */
    @Test
    void racerChangesReturnTheNextStateAndLeaveTheOldOneAlone() {
        Object result = run("racerChanges.js", """
                const names = ['gd', 'momentum', 'adam'];
                const s0 = { optimizers: ['adam', 'gd'], settings: { gd: { lr: '0.19' } } };
                const frozen = JSON.stringify(s0);
                const s1 = { ...s0, ...m.raceAgain(s0, 'gd', names, 8) };           // gd:2 with gd's lr
                const s2 = { ...s1, ...m.setSetting(s1, 'gd:2', 'lr', '0.21') };
                const s3 = { ...s2, ...m.toggle(s2, 'momentum', true, names) };     // registry order
                const s4 = { ...s3, ...m.setSetting(s3, 'gd', 'lr', null) };        // back to its default
                const s5 = { ...s4, ...m.toggle(s4, 'gd', false, names) };          // every gd racer leaves
                const full = m.raceAgain(s3, 'adam', names, 4);                      // at the limit: unchanged
                const s6 = m.setSchedule(s2, 'gd', 'step', []);
                const s7 = m.setSchedule({ ...s2, ...s6 }, 'gd', null, ['gamma']);
                return [JSON.stringify(s0) === frozen, s1.optimizers.join(), JSON.stringify(s2.settings), s3.optimizers.join(),
                        JSON.stringify(s4.settings), s5.optimizers.join(), JSON.stringify(s5.settings), full.optimizers.join(),
                        JSON.stringify(s6.settings.gd), JSON.stringify(s7.settings.gd),
                        JSON.stringify(m.remove(s2, 'gd:2'))];""");
        assertThat(result.toString()).isEqualTo("[true, gd,gd:2,adam, {\"gd\":{\"lr\":\"0.19\"},\"gd:2\":{\"lr\":\"0.21\"}}, "
                + "gd,gd:2,momentum,adam, {\"gd:2\":{\"lr\":\"0.21\"}}, momentum,adam, {}, gd,gd:2,momentum,adam, "
                + "{\"lr\":\"0.19\",\"schedule\":\"step\"}, {\"lr\":\"0.19\"}, "
                + "{\"optimizers\":[\"gd\",\"adam\"],\"settings\":{\"gd\":{\"lr\":\"0.19\"}}}]");
    }
}
