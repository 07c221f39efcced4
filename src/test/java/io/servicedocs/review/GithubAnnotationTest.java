package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A workflow command carries its data escaped as the Actions toolkit does: one command, one line. */
class GithubAnnotationTest {

    @Test
    void dataAndPropertiesCannotStartAnotherCommand() {
        String line = new GithubAnnotation("error", "products/a,line=9:b.yaml", 3, 4, "servicedocs rule::x",
                "100% bad\r\n::add-mask::secret\n::error file=x::y").toString();
        assertEquals("::error file=products/a%2Cline=9%3Ab.yaml,line=3,col=4,title=servicedocs rule%3A%3Ax"
                + "::100%25 bad%0D%0A::add-mask::secret%0A::error file=x::y", line);
        assertEquals(1, line.lines().count());
    }
}
