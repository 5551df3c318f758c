package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: exit code 2, one clear message on stderr naming the option, never a stack trace. */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            run --surface rosenbrok --optimizer gd                 | unknown surface 'rosenbrok': did you mean 'rosenbrock'?
            run --surface bowl --optimizer adma                    | unknown optimizer 'adma': did you mean 'adam'?
            run --surface bowl --optimizer gd --lr -1              | lr must be > 0, got -1
            run --surface bowl --optimizer gd --lr abc             | Invalid value for option '--lr': 'abc' is not a double
            run --surface bowl --optimizer gd --start=1            | expected X,Y (two numbers, e.g. -1.5,2), got '1'
            run --surface bowl --optimizer gd --start=1,zz         | 'zz' is not a number
            run --surface bowl --optimizer gd --steps 2000000      | steps must be in [0, 1000000], got 2000000
            run --surface bowl --optimizer gd --beta1 0.5          | gd does not take beta1; it takes: lr, weight-decay, maximize
            run --surface bowl --optimizer adam --beta1 1          | beta1 must be in [0, 1), got 1
            run --surface bowl                                     | Missing required option: '--optimizer=NAME'
            run --optimizer gd                                     | Missing required option: '--surface=NAME'
            run --surface bowl --optimizer gd --schedule cosin     | unknown schedule 'cosin': did you mean 'cosine'?
            run --surface bowl --optimizer gd --tol -1             | tol must be >= 0, got -1
            race --surface bowl --optimizers gd,momentum --beta1 0.5 | --beta1 applies to none of gd, momentum
            race --surface bowl --optimizers gd,nope               | unknown optimizer 'nope'
            """)
    void badInputExitsTwoWithAClearMessage(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }
}
